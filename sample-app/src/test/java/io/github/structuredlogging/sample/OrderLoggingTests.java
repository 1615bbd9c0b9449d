package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.structuredlogging.sample.WrittenLog.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Places an order through the HTTP API and reads what the order service really wrote: its bound logger's lines,
 * its business events and its measured operations, all carrying the request's correlation id, and the metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OrderLoggingTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void placingAnOrderWritesBoundLinesBusinessEventsAndMeasurementsForTheRequest(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.header("X-Correlation-Id", "sample-42")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":2}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		await().until(() -> !events(output, field("operation", "orders.confirmation")).isEmpty());

		List<JsonNode> request = events(output, field("correlation_id", "sample-42"));
		JsonNode placed = single(request, field("message", "Order placed"));
		assertThat(placed.get("component").asString()).isEqualTo("orders");
		assertThat(placed.get("version").asString()).isNotBlank();
		assertThat(placed.get("item").asString()).isEqualTo("book");
		String orderId = placed.get("order_id").asString();

		JsonNode event = single(request, field("event_type", "order_placed"));
		assertThat(event.get("logger").asString()).isEqualTo("business");
		assertThat(event.get("order_id").asString()).isEqualTo(orderId);
		assertThat(event.get("quantity").asInt()).isEqualTo(2);
		assertThat(single(request, field("event_type", "order_confirmation_sent")).get("order_id").asString())
			.isEqualTo(orderId);

		JsonNode measured = single(request, field("operation", "OrderService.place"));
		assertThat(measured.get("status").asString()).isEqualTo("success");
		JsonNode confirmation = single(request, field("operation", "orders.confirmation"));
		assertThat(confirmation.get("thread").asString()).isNotEqualTo(measured.get("thread").asString());

		JsonNode businessEvents = MAPPER.readTree(get("/actuator/metrics/logging.business.events?tag=type:order_placed"));
		assertThat(businessEvents.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
		JsonNode timer = MAPPER.readTree(get("/actuator/metrics/logging.performance?tag=operation:OrderService.place"));
		assertThat(timer.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
		assertThat(timer.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aRejectedOrderIsMeasuredAsAFailure(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.header("X-Correlation-Id", "sample-43")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":0}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode measured = single(events(output, field("correlation_id", "sample-43")),
				field("operation", "OrderService.place"));
		assertThat(measured.get("status").asString()).isEqualTo("failure");
		assertThat(measured.get("error_type").asString()).isEqualTo(IllegalArgumentException.class.getName());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static List<JsonNode> events(CapturedOutput output, Predicate<JsonNode> condition) {
		return WrittenLog.jsonLines(output.getOut()).stream().filter(condition).toList();
	}

	private static JsonNode single(List<JsonNode> events, Predicate<JsonNode> condition) {
		List<JsonNode> matching = events.stream().filter(condition).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
