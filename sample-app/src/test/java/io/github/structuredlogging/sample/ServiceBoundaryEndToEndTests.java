package io.github.structuredlogging.sample;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.structuredlogging.sample.WrittenLog.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app answers an availability request by calling the warehouse (itself, over HTTP) through RestClient
 * and WebClient, and a partner outside the allow list (a plain JDK server on 127.0.0.2, recording what it receives).
 * The log file the app really wrote must show one correlation id across both sides of each call, outbound and
 * inbound exchange lines that match up, and nothing of the id at the partner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.file.name=" + ServiceBoundaryEndToEndTests.LOG_FILE)
class ServiceBoundaryEndToEndTests {

	static final String LOG_FILE = "target/e2e-logs/service-boundary.log";

	private static final String INBOUND = "io.github.structuredlogging.exchange.inbound";

	private static final String OUTBOUND = "io.github.structuredlogging.exchange.outbound";

	private static final Map<String, String> partnerReceived = new ConcurrentHashMap<>();

	private static final HttpServer partner = startPartner();

	@LocalServerPort
	private int port;

	private WrittenLog log;

	@DynamicPropertySource
	static void partnerUrl(DynamicPropertyRegistry registry) {
		registry.add("sample.partner.base-url", () -> "http://127.0.0.2:" + partner.getAddress().getPort());
	}

	@BeforeEach
	void markLog() {
		this.log = WrittenLog.from(Path.of(LOG_FILE));
	}

	@AfterAll
	static void stopPartner() {
		partner.stop(0);
	}

	@Test
	void oneCorrelationIdAcrossBothServicesAndMatchingExchangeLines() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/availability/sku-77"))
				.header("X-Correlation-Id", "boundary-1")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"rating\":\"A\"");
		List<JsonNode> lines = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.log.events(field("correlation_id", "boundary-1")), (events) -> events.stream()
				.anyMatch((e) -> INBOUND.equals(e.get("logger").asString())
						&& "/api/availability/{sku}".equals(e.path("http_route").asString())));

		assertThat(lines).anyMatch(field("message", "Stock looked up"))
			.anyMatch(field("message", "Stock reserved"))
			.anyMatch(field("message", "Availability answered"));
		for (String[] call : new String[][] { { "GET", "/warehouse/stock/{sku}", "200" },
				{ "POST", "/warehouse/reservations/{sku}", "201" } }) {
			JsonNode outbound = single(lines, OUTBOUND, call[0], call[1]);
			JsonNode inbound = single(lines, INBOUND, call[0], call[1]);
			assertThat(outbound.get("http_status").asString()).isEqualTo(call[2]);
			assertThat(inbound.get("http_status").asString()).isEqualTo(call[2]);
			assertThat(outbound.get("http_peer").asString()).isEqualTo("localhost:" + this.port);
			assertThat(outbound.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(inbound.get("duration_ms").asDouble());
		}
		JsonNode toPartner = single(lines, OUTBOUND, "GET", "/ratings/{sku}");
		assertThat(toPartner.get("http_peer").asString()).startsWith("127.0.0.2:");
		assertThat(partnerReceived).containsKey("/ratings/sku-77");
		assertThat(partnerReceived.get("/ratings/sku-77")).doesNotContainIgnoringCase("boundary-1")
			.doesNotContainIgnoringCase("x-correlation-id")
			.doesNotContainIgnoringCase("traceparent");
		assertThat(this.log.text()).doesNotContain("\"http_route\":\"/warehouse/stock/sku-77\"");
	}

	private static JsonNode single(List<JsonNode> lines, String logger, String method, String route) {
		List<JsonNode> matching = lines.stream()
			.filter((e) -> logger.equals(e.get("logger").asString()) && method.equals(e.path("http_method").asString())
					&& route.equals(e.path("http_route").asString()))
			.toList();
		assertThat(matching).as("%s %s %s", logger, method, route).hasSize(1);
		return matching.get(0);
	}

	private static HttpServer startPartner() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
			server.createContext("/ratings/", (exchange) -> {
				partnerReceived.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().toString());
				byte[] body = "A".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
