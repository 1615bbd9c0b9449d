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
import org.junit.jupiter.api.Tag;
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
@Tag("production-jit")
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
		HttpResponse<String> response = CLIENT.send(placeOrder("abc-123", "book-async"),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue(HEADER)).hasValue("abc-123");
		List<JsonNode> lines = awaitRequestLines(response, "book-async");
		assertThat(lines).extracting((event) -> event.get("logger").asString())
			.contains(OrderController.class.getName(), OrderService.class.getName(), OrderNotifier.class.getName());
		assertThat(lines).allSatisfy((event) -> assertThat(event.path("correlation_id").asString()).as("%s", event)
			.isEqualTo("abc-123"));
		assertThat(lines).extracting((event) -> event.path("request_id").asString()).containsOnly(
				lines.get(0).path("request_id").asString());
		assertThat(lines).filteredOn(field("message", CONFIRMATION))
			.singleElement()
			.satisfies((event) -> assertThat(event.get("thread").asString()).startsWith("task-"));
	}

	@Test
	void requestsWithoutTheHeaderGetGeneratedIdsOfTheirOwn() throws Exception {
		HttpResponse<String> first = CLIENT.send(placeOrder(null, "book-first"), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> second = CLIENT.send(placeOrder(null, "book-second"),
				HttpResponse.BodyHandlers.ofString());

		String firstId = first.headers().firstValue(HEADER).orElseThrow();
		String secondId = second.headers().firstValue(HEADER).orElseThrow();
		assertThat(firstId).isNotBlank().isNotEqualTo(secondId);
		assertThat(awaitRequestLines(first, "book-first"))
			.allSatisfy((event) -> assertThat(event.path("correlation_id").asString()).isEqualTo(firstId));
		assertThat(awaitRequestLines(second, "book-second"))
			.allSatisfy((event) -> assertThat(event.path("correlation_id").asString()).isEqualTo(secondId));
	}

	@Test
	void twoHundredConcurrentRequestsNeverSeeEachOthersIds() {
		int requests = 200;
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			responses.add(CLIENT.sendAsync(placeOrder("load-" + i, "book-load-" + i),
					HttpResponse.BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> completed = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = responses.get(i).join();
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.headers().firstValue(HEADER)).hasValue("load-" + i);
			completed.add(response);
		}

		awaitLines(field("message", CONFIRMATION), requests);
		List<String> expected = null;
		for (int i = 0; i < requests; i++) {
			String correlationId = "load-" + i;
			List<JsonNode> lines = requestLines(completed.get(i), "book-load-" + i);
			assertThat(lines).allSatisfy((event) -> assertThat(event.path("correlation_id").asString())
				.as("%s", event)
				.isEqualTo(correlationId));
			List<String> messages = lines.stream()
				.map((event) -> event.get("logger").asString() + " " + event.get("message").asString())
				.sorted()
				.toList();
			if (expected == null) {
				expected = messages;
				assertThat(expected).contains(OrderNotifier.class.getName() + " " + CONFIRMATION);
			}
			assertThat(messages).as("request %d", i).isEqualTo(expected);
		}
	}

	@Test
	void aTenKilobyteHeaderIsReplacedNeverEchoedAndNeverLogged() throws Exception {
		String huge = "z".repeat(10 * 1024);

		HttpResponse<String> response = CLIENT.send(placeOrder(huge, "book-huge"),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		String echoed = response.headers().firstValue(HEADER).orElseThrow();
		assertThat(echoed).isNotEqualTo(huge).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(awaitRequestLines(response, "book-huge")).allSatisfy((event) -> {
			assertThat(event.path("correlation_id").asString()).isEqualTo(echoed);
			assertThat(event.path("rejected_headers").asString()).isEqualTo("X-Correlation-Id:too_long");
		});
		assertThat(this.log.text()).doesNotContain(huge.substring(0, 256));
	}

	/**
	 * Values Tomcat lets through to the filter (no CR or LF, which Tomcat itself refuses): quotes and braces that
	 * would forge a JSON line if written raw, a tab, and bytes outside ASCII (as Tomcat decodes them, ISO-8859-1).
	 */
	@Test
	void hostileHeaderValuesThatReachTheFilterAreRejectedAndNeverLogged() throws Exception {
		List<String> hostile = List.of("abc\"}{\"level\":\"ERROR\",\"message\":\"forged\"", "abc\tdef forged",
				"abc\u00e2\u0080\u00a8forged", "abc%0d%0aforged", "abc\u0085forged");
		for (int i = 0; i < hostile.size(); i++) {
			String item = "book-hostile-" + i;
			String status;
			try (Socket socket = new Socket("localhost", this.port)) {
				socket.setSoTimeout(5000);
				OutputStream out = socket.getOutputStream();
				String body = "{\"item\":\"" + item + "\",\"quantity\":2}";
				out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length() + "\r\n" + HEADER + ": " + hostile.get(i)
						+ "\r\nConnection: close\r\n\r\n" + body)
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				InputStream in = socket.getInputStream();
				status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			}
			assertThat(status).as("value %d", i).startsWith("HTTP/1.1 201").doesNotContain("forged");
			List<JsonNode> lines = awaitLines(field("item", item), 1);
			assertThat(lines).allSatisfy((event) -> {
				assertThat(event.path("correlation_id").asString()).doesNotContain("forged").isNotBlank();
				assertThat(event.path("rejected_headers").asString()).startsWith("X-Correlation-Id:");
			});
		}
		assertThat(this.log.text()).doesNotContain("forged");
		assertThat(this.log.events(field("level", "ERROR"))).isEmpty();
	}

	/**
	 * The lines of one request, found by what the request itself logs (its unique item, then its order id), never
	 * by the correlation id under test, so that a line that lost its id is still found, and fails the test.
	 */
	private List<JsonNode> requestLines(HttpResponse<String> response, String item) {
		String orderId = MAPPER.readTree(response.body()).get("id").asString();
		return this.log.events(field("item", item).or(field("order_id", orderId)));
	}

	private List<JsonNode> awaitRequestLines(HttpResponse<String> response, String item) {
		String orderId = MAPPER.readTree(response.body()).get("id").asString();
		awaitLines(field("order_id", orderId).and(field("message", CONFIRMATION)), 1);
		return requestLines(response, item);
	}

	private List<JsonNode> awaitLines(Predicate<JsonNode> condition, int count) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.log.events(condition), (lines) -> lines.size() >= count);
	}

	private HttpRequest placeOrder(String correlationId, String item) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + item + "\",\"quantity\":2}"));
		if (correlationId != null) {
			request.header(HEADER, correlationId);
		}
		return request.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
