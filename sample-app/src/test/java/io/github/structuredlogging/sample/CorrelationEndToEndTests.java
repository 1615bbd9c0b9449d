package io.github.structuredlogging.sample;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import io.github.structuredlogging.sample.order.OrderController;
import io.github.structuredlogging.sample.order.OrderNotifier;
import io.github.structuredlogging.sample.order.OrderService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.structuredlogging.sample.WrittenLog.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample app on a random port and reads the JSON log file it really wrote.
 */
// The burst of 200 requests must not overflow the pipeline: this test is about ids, not about chosen loss.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.file.name=" + CorrelationEndToEndTests.LOG_FILE,
				"structured-logging.async.queue-size=16384" })
class CorrelationEndToEndTests {

	static final String LOG_FILE = "target/e2e-logs/correlation.log";

	private static final String HEADER = "X-Correlation-Id";

	private static final String CONFIRMATION = "Order confirmation sent";

	private static final ExecutorService CLIENT_THREADS = Executors.newFixedThreadPool(32);

	private static final HttpClient CLIENT = HttpClient.newBuilder().executor(CLIENT_THREADS).build();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private WrittenLog log;

	@BeforeEach
	void markLog() {
		this.log = WrittenLog.from(Path.of(LOG_FILE));
	}

	@AfterAll
	static void stopClient() {
		CLIENT_THREADS.shutdownNow();
	}

	@Test
	void everyLineOfARequestCarriesItsCorrelationIdAlsoFromAsyncWork() throws Exception {
		HttpResponse<String> response = CLIENT.send(placeOrder("abc-123"), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue(HEADER)).hasValue("abc-123");
		JsonNode asyncLine = awaitConfirmation("abc-123");
		assertThat(asyncLine.get("thread").asString()).startsWith("task-");
		List<JsonNode> lines = this.log.events(field("correlation_id", "abc-123"));
		assertThat(lines).extracting((event) -> event.get("logger").asString())
			.contains(OrderController.class.getName(), OrderService.class.getName(), OrderNotifier.class.getName());
		assertThat(lines).extracting((event) -> event.get("request_id").asString()).containsOnly(
				asyncLine.get("request_id").asString());
		String orderId = MAPPER.readTree(response.body()).get("id").asString();
		assertThat(this.log.events(field("order_id", orderId)))
			.allSatisfy((event) -> assertThat(event.get("correlation_id").asString()).isEqualTo("abc-123"));
	}

	@Test
	void aRequestWithoutTheHeaderGetsAGeneratedIdOfItsOwn() throws Exception {
		HttpResponse<String> first = CLIENT.send(placeOrder("abc-123"), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> second = CLIENT.send(placeOrder(null), HttpResponse.BodyHandlers.ofString());

		String generated = second.headers().firstValue(HEADER).orElseThrow();
		assertThat(generated).isNotEqualTo(first.headers().firstValue(HEADER).orElseThrow())
			.matches("[0-9a-f-]{36}");
		awaitConfirmation(generated);
		assertThat(this.log.events(field("correlation_id", generated))).extracting((e) -> e.get("logger").asString())
			.contains(OrderController.class.getName(), OrderService.class.getName());
	}

	@Test
	void twoHundredConcurrentRequestsNeverSeeEachOthersIds() {
		int requests = 200;
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			responses.add(CLIENT.sendAsync(placeOrder("load-" + i), HttpResponse.BodyHandlers.ofString()));
		}
		Map<String, String> correlationByOrder = new HashMap<>();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = responses.get(i).join();
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.headers().firstValue(HEADER)).hasValue("load-" + i);
			correlationByOrder.put(MAPPER.readTree(response.body()).get("id").asString(), "load-" + i);
		}

		awaitLines(field("message", CONFIRMATION), requests);
		List<JsonNode> lines = this.log.events((event) -> event.has("correlation_id")
				&& event.get("correlation_id").asString().startsWith("load-"));
		for (JsonNode line : lines) {
			if (line.has("order_id")) {
				assertThat(line.get("correlation_id").asString())
					.isEqualTo(correlationByOrder.get(line.get("order_id").asString()));
			}
		}
		Map<String, List<String>> messagesById = new HashMap<>();
		for (JsonNode line : lines) {
			messagesById.computeIfAbsent(line.get("correlation_id").asString(), (id) -> new ArrayList<>())
				.add(line.get("logger").asString() + " " + line.get("message").asString());
		}
		assertThat(messagesById).hasSize(requests);
		List<String> expected = messagesById.get("load-0").stream().sorted().toList();
		assertThat(expected).contains(OrderNotifier.class.getName() + " " + CONFIRMATION);
		assertThat(messagesById.values()).allSatisfy(
				(messages) -> assertThat(messages.stream().sorted().toList()).isEqualTo(expected));
	}

	@Test
	void aTenKilobyteHeaderIsReplacedNeverEchoedAndNeverLogged() throws Exception {
		String huge = "z".repeat(10 * 1024);

		HttpResponse<String> response = CLIENT.send(placeOrder(huge), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		String echoed = response.headers().firstValue(HEADER).orElseThrow();
		assertThat(echoed).hasSize(36);
		awaitConfirmation(echoed);
		assertThat(this.log.events(field("correlation_id", echoed))).allSatisfy((event) -> assertThat(event.get("rejected_headers").asString())
			.isEqualTo("X-Correlation-Id:too_long"));
		assertThat(this.log.text()).doesNotContain(huge.substring(0, 256));
	}

	@Test
	void aHeaderWithALineBreakCannotForgeALogLine() throws Exception {
		String status;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/orders/missing HTTP/1.1\r\nHost: localhost\r\n" + HEADER
					+ ": abc\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}

		assertThat(status).startsWith("HTTP/1.1 400").doesNotContain("forged");
		HttpResponse<String> after = CLIENT.send(HttpRequest.newBuilder(uri("/api/orders/missing")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(404);
		awaitLines(field("message", "Order not found"), 1);
		// Tomcat reports the malformed request with the raw bytes inside its exception message: escaped within
		// one JSON line, so no line of its own appears.
		assertThat(this.log.events(field("message", "forged"))).isEmpty();
		assertThat(this.log.events(field("level", "ERROR"))).isEmpty();
	}

	private JsonNode awaitConfirmation(String correlationId) {
		return awaitLines(field("correlation_id", correlationId).and(field("message", CONFIRMATION)), 1).get(0);
	}

	private List<JsonNode> awaitLines(Predicate<JsonNode> condition, int count) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.log.events(condition), (lines) -> lines.size() >= count);
	}

	private HttpRequest placeOrder(String correlationId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":2}"));
		if (correlationId != null) {
			request.header(HEADER, correlationId);
		}
		return request.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
