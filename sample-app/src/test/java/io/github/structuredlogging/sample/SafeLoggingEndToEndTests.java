package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.CommonsRequestLoggingFilter;

import static io.github.structuredlogging.sample.WrittenLog.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks the sample app over real HTTP as an attacker would: secrets of every class and line-breaking characters
 * in a POST body (well-formed and malformed), a query string, a path variable and headers, with Spring's own
 * request logging writing the whole request (URI, query, headers, payload) at DEBUG. The log file it writes must
 * hold no run of six characters of any secret, and no raw U+2028, U+2029, NEL, C1 control or DEL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.file.name=" + SafeLoggingEndToEndTests.LOG_FILE,
				"logging.level.org.springframework.web.filter.CommonsRequestLoggingFilter=DEBUG",
				"structured-logging.async.queue-size=16384" })
class SafeLoggingEndToEndTests {

	static final String LOG_FILE = "target/e2e-logs/safe-logging.log";

	private static final int MIN_RUN = 6;

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final String CARD = "4539 1488 0343 6467";

	private static final String CARD_IN_PATH = "5555555555554444";

	private static final String PASSWORD = "Tr0ub4dor-and-3";

	private static final String QUERY_PASSWORD = "Qw3rtyPassw0rd";

	private static final String BEARER = "mF_9.B5f-4.1JqM-AbCdEf0123456789";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmVkLWJ5LW1hbGxvcnk";

	private static final String SESSION_COOKIE = "8F3A1C9E5B7D2046AC81";

	private static final String SESSION_HEADER = "Zs7Xk2Qp9Lm4Vb8Nc1Rt";

	private static final String AWS_ACCESS_KEY = "AKIAQ3EGRJ5XK7PZ2MNB";

	private static final String DB_PASSWORD = "pg-S3cretValue";

	private static final String GITHUB_TOKEN = "ghp_R8xQ2mZ7kL4vN9pT1wY6sB3dF5gH0jK2aC4e";

	private static final List<String> SECRETS = List.of(CARD, CARD_IN_PATH, PASSWORD, QUERY_PASSWORD, BEARER, JWT,
			SESSION_COOKIE, SESSION_HEADER, AWS_ACCESS_KEY, DB_PASSWORD, GITHUB_TOKEN);

	@LocalServerPort
	private int port;

	private WrittenLog log;

	@BeforeEach
	void markLog() {
		this.log = WrittenLog.from(Path.of(LOG_FILE));
	}

	@Test
	void writesNoSecretAndNoRawLineBreakWhateverPartOfTheRequestCarriesThem() throws Exception {
		String item = "book\u2028password=" + PASSWORD + " card " + CARD + "\u2029\u0085ok\u007F\u009B";
		HttpResponse<String> placed = send(post("/api/orders", "{\"item\": \"" + item + "\", \"quantity\": 1}"));
		HttpResponse<String> malformed = send(post("/api/orders", "{\"item\": " + CARD + ", \"password\": \""
				+ PASSWORD + "\", \"db\": \"postgres://app:" + DB_PASSWORD + "@db:5432/orders\"}"));
		HttpResponse<String> byPath = send(get("/api/orders/" + CARD_IN_PATH + "%E2%80%A8" + AWS_ACCESS_KEY));
		HttpResponse<String> byQuery = send(get("/api/orders/42?password=" + QUERY_PASSWORD + "&token=" + JWT
				+ "&card=" + URLEncoder.encode(CARD, StandardCharsets.UTF_8) + "&gh=" + GITHUB_TOKEN));
		HttpResponse<String> byHeaders = send(HttpRequest.newBuilder(uri("/api/orders/43"))
			.header("Authorization", "Bearer " + BEARER)
			.header("Cookie", "SESSION=" + SESSION_COOKIE + "; theme=dark")
			.header("X-Session-Id", SESSION_HEADER)
			.header("X-Api-Key", GITHUB_TOKEN)
			.GET()
			.build());
		awaitWritten();

		assertThat(placed.statusCode()).isEqualTo(201);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(byPath.statusCode()).isEqualTo(404);
		assertThat(byQuery.statusCode()).isEqualTo(404);
		assertThat(byHeaders.statusCode()).isEqualTo(404);
		String written = this.log.text();
		List<JsonNode> events = this.log.events();
		assertThat(events).as("the requests were logged, with their bodies, queries and headers")
			.anySatisfy((event) -> assertThat(event.path("item").asString()).startsWith("book\u2028password=****"))
			.anySatisfy((event) -> assertThat(event.path("message").asString()).contains("payload={\"item\""))
			.anySatisfy((event) -> assertThat(event.path("message").asString())
				.contains("GET /api/orders/42?password=****&token=****"))
			.anySatisfy((event) -> assertThat(event.path("message").asString()).contains("Authorization:\"Bearer ****\""))
			.anySatisfy((event) -> assertThat(event.path("order_id").asString()).startsWith("****\u2028"));
		assertThat(this.log.events(field("message", "Order not found")))
			.anySatisfy((event) -> assertThat(event.path("session_id").asString()).matches("[0-9a-f]{16}"));
		List<String> leaks = new ArrayList<>();
		for (JsonNode event : events) {
			for (String secret : SECRETS) {
				String run = leakedRun(event, secret);
				if (run != null) {
					leaks.add("'" + run + "' of " + secret + " in " + event);
				}
			}
		}
		assertThat(leaks).isEmpty();
		assertThat(written).as("raw line separators, NEL, C1 controls or DEL")
			.doesNotContainPattern("[\\u007F-\\u009F\\u2028\\u2029]")
			.contains("\\u2028", "\\u2029", "\\u0085", "\\u007F", "\\u009B");
	}

	/**
	 * The first run of six characters of a secret in an event, written or unescaped; the timestamp is left out, as
	 * its nanoseconds share digit runs with a card number by chance.
	 */
	private static String leakedRun(JsonNode event, String secret) {
		ObjectNode checked = ((ObjectNode) event).deepCopy();
		checked.remove("@timestamp");
		String json = checked.toString();
		StringBuilder values = new StringBuilder();
		checked.forEach((value) -> values.append(value.isString() ? value.asString() : value.toString()).append('\n'));
		for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
			for (int i = 0; i + MIN_RUN <= form.length(); i++) {
				String run = form.substring(i, i + MIN_RUN);
				if (json.contains(run) || values.indexOf(run) >= 0) {
					return run;
				}
			}
		}
		return null;
	}

	private static void awaitWritten() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (LogPipelineAppender pipeline : LogPipelines.find(context)) {
			assertThat(pipeline.awaitFlushed(Duration.ofSeconds(20))).isTrue();
		}
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET().build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RequestLogging {

		@Bean
		CommonsRequestLoggingFilter requestLoggingFilter() {
			CommonsRequestLoggingFilter filter = new CommonsRequestLoggingFilter();
			filter.setIncludeQueryString(true);
			filter.setIncludeHeaders(true);
			filter.setIncludePayload(true);
			filter.setMaxPayloadLength(10_000);
			return filter;
		}

	}

}
