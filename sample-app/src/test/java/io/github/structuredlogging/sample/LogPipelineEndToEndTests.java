package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.sample.order.OrderService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app as a newcomer meets it: the log pipeline's meters, endpoint and health over HTTP, and a level
 * changed through {@code /actuator/loggers} showing in the very next request's log lines.
 */
// Without a profile the starter changes no level: the application asks for DEBUG itself, as a user would.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.github.structuredlogging.sample=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class LogPipelineEndToEndTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void exposesThePipelineAndAppliesLevelChangesToTheNextRequest(CapturedOutput output) throws Exception {
		placeOrder("e2e-debug");
		List<JsonNode> debugLines = await().until(() -> lines(output, "e2e-debug", "Order placed"), (l) -> !l.isEmpty());
		assertThat(lines(output, "e2e-debug", "Validating order")).as("DEBUG as the application set it")
			.singleElement()
			.satisfies((line) -> assertThat(line.get("level").asString()).isEqualTo("DEBUG"));
		assertThat(debugLines).hasSize(1);

		assertThat(metric("logging.async.queue.capacity").get("measurements").get(0).get("value").asDouble())
			.as("no profile, so the starter's own default, not a profile's")
			.isEqualTo(LogPipelineAppender.DEFAULT_QUEUE_SIZE);
		assertThat(metric("logging.async.queue.size").get("measurements").get(0).get("value").asDouble())
			.isGreaterThanOrEqualTo(0);
		for (String counter : List.of("logging.events.dropped", "logging.events.sampled",
				"logging.events.fallback")) {
			JsonNode meter = metric(counter + "?tag=level:info");
			assertThat(meter.get("measurements").get(0).get("statistic").asString()).isEqualTo("COUNT");
		}
		await().untilAsserted(() -> assertThat(metric("logging.async.batch.size").get("measurements").get(0)
			.get("value")
			.asDouble()).isPositive());
		assertThat(metric("logging.async.flush").get("baseUnit").asString()).isEqualTo("seconds");
		assertThat(metric("logback.events?tag=level:info").get("measurements").get(0).get("value").asDouble())
			.isPositive();

		JsonNode pipeline = get("/actuator/logpipeline").get("pipelines").get("ASYNC");
		assertThat(pipeline.get("consumer").asString()).isEqualTo("RUNNING");
		assertThat(pipeline.get("queue").get("capacity").asInt()).isEqualTo(LogPipelineAppender.DEFAULT_QUEUE_SIZE);
		assertThat(pipeline.get("outputs").values()).extracting(JsonNode::asString).containsExactly("CONSOLE");
		assertThat(pipeline.get("levels").get("accepted").get("INFO").asLong()).isPositive();
		assertThat(pipeline.get("levels").get("written").get("DEBUG").asLong()).isPositive();
		assertThat(pipeline.get("sampling").get("rate").asDouble()).isEqualTo(1.0);
		JsonNode health = get("/actuator/health").get("components").get("logPipeline");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("ASYNC").get("degraded").asBoolean()).isFalse();

		setLevel("io.github.structuredlogging.sample", "INFO");
		placeOrder("e2e-info");
		await().until(() -> lines(output, "e2e-info", "Order placed"), (l) -> !l.isEmpty());
		assertThat(lines(output, "e2e-info", "Validating order")).isEmpty();

		setLevel(OrderService.class.getName(), "WARN");
		placeOrder("e2e-warn");
		send(HttpRequest.newBuilder(uri("/api/orders/missing")).header("X-Correlation-Id", "e2e-warn").GET());
		await().until(() -> lines(output, "e2e-warn", "Order not found"), (l) -> !l.isEmpty());
		assertThat(lines(output, "e2e-warn", "Order placed")).isEmpty();
		assertThat(lines(output, "e2e-warn", "Placing order")).as("other loggers keep INFO").hasSize(1);
	}

	private void placeOrder(String correlationId) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.header("X-Correlation-Id", correlationId)
			.POST(BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":2}")));
		assertThat(response.statusCode()).isEqualTo(201);
	}

	private void setLevel(String logger, String level) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/loggers/" + logger))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"configuredLevel\":\"" + level + "\"}")));
		assertThat(response.statusCode()).isEqualTo(204);
	}

	private JsonNode metric(String nameAndQuery) throws Exception {
		return get("/actuator/metrics/" + nameAndQuery);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return MAPPER.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static List<JsonNode> lines(CapturedOutput output, String correlationId, String message) {
		return WrittenLog.jsonLines(output.getOut())
			.stream()
			.filter(WrittenLog.field("correlation_id", correlationId).and(WrittenLog.field("message", message)))
			.toList();
	}

}
