package io.github.structuredlogging.format;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.TextLogLines;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format × {servlet, WebFlux} × {tracing on, off}, on a real server: the request's lines, selected by the
 * message the request logs (not by any id under test), parse in their format, carry the fields the format's
 * specification requires, have one correlation id that is the trace id when tracing is on, and are masked.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormatMatrixTests {

	private static final String MARKER = "matrix request";

	private static final String SECRET = "hunter2-secret";

	private static final String CARD = "4111 1111 1111 1111";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BRAVE = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration";

	static Stream<Arguments> matrix() {
		List<Arguments> arguments = new ArrayList<>();
		for (LogFormat format : LogFormat.values()) {
			for (String stack : List.of("servlet", "reactive")) {
				for (boolean tracing : List.of(true, false)) {
					arguments.add(Arguments.of(format, stack, tracing));
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} on {1}, tracing {2}")
	@MethodSource("matrix")
	void eachLineParsesCarriesItsFormatsFieldsAndOneIdAndIsMasked(LogFormat format, String stack, boolean tracing,
			CapturedOutput output) throws Exception {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.application.name=matrix-service",
				"spring.main.web-application-type=" + stack, "structured-logging.async.enabled=false",
				"structured-logging.output.console-format=" + format.name().toLowerCase()));
		if (!tracing) {
			properties.add("spring.autoconfigure.exclude=" + BRAVE);
		}
		String correlationHeader;
		String traceIdSeen;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MatrixApplication.class)
			.properties(properties.toArray(String[]::new))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> response = get(port);
			assertThat(response.statusCode()).isEqualTo(200);
			correlationHeader = response.headers().firstValue("X-Correlation-Id").orElseThrow();
			traceIdSeen = response.body();
		}
		String written = JsonLogLines.written(output);
		assertThat(written).doesNotContain(SECRET).doesNotContain(CARD);
		Map<String, String> line = requestLine(format, written);
		assertThat(line.get("correlation")).isEqualTo(correlationHeader);
		if (tracing) {
			assertThat(traceIdSeen).matches(TRACE_ID);
			assertThat(correlationHeader).isEqualTo(traceIdSeen);
			if (format != LogFormat.PLAIN) {
				assertThat(line.get("trace")).isEqualTo(traceIdSeen);
			}
		}
		else {
			assertThat(traceIdSeen).isEqualTo("none");
			assertThat(correlationHeader).matches(UUID);
			assertThat(line.get("trace")).isNullOrEmpty();
		}
		assertThat(line.get("message")).contains(MARKER).contains("****");
		if (line.containsKey("password")) {
			assertThat(line.get("password")).isEqualTo("****");
		}
	}

	/**
	 * Finds the one line of the request by its message and reads the fields under test from it, after checking the
	 * fields the format requires.
	 */
	private static Map<String, String> requestLine(LogFormat format, String written) {
		return switch (format) {
			case JSON -> json(written, (event) -> {
				requireFields(event, "@timestamp", "level", "logger", "thread", "service", "request_id");
				return fields(event.get("message"), event.get("correlation_id"), event.get("trace_id"),
						event.get("password"));
			});
			case ECS -> json(written, (event) -> {
				assertThat(event.at("/ecs/version").asString()).isEqualTo("8.11");
				assertThat(event.at("/log/level").asString()).isEqualTo("INFO");
				assertThat(event.at("/service/name").asString()).isEqualTo("matrix-service");
				requireFields(event, "@timestamp", "process");
				return fields(event.get("message"), event.get("correlation_id"), event.at("/trace/id"),
						event.get("password"));
			});
			case LOGSTASH -> json(written, (event) -> {
				requireFields(event, "@timestamp", "logger_name", "thread_name");
				assertThat(event.get("@version").asString()).isEqualTo("1");
				assertThat(event.get("level_value").isInt()).isTrue();
				return fields(event.get("message"), event.get("correlation_id"), event.get("traceId"),
						event.get("password"));
			});
			case GELF -> json(written, (event) -> {
				assertThat(event.get("version").asString()).isEqualTo("1.1");
				assertThat(event.get("host").asString()).isEqualTo("matrix-service");
				assertThat(event.get("level").isInt()).isTrue();
				assertThat(event.get("level").asInt()).isEqualTo(6);
				assertThat(event.get("timestamp").isNumber()).isTrue();
				event.propertyNames().forEach((name) -> assertThat(name).as("GELF additional field")
					.matches("version|host|short_message|full_message|timestamp|level|_[\\w.\\-]+"));
				return fields(event.get("short_message"), event.get("_correlation_id"), event.get("_traceId"),
						event.get("_password"));
			});
			case LOGFMT -> {
				List<Map<String, String>> lines = written.lines().map(TextLogLines::logfmt).toList();
				List<Map<String, String>> request = lines.stream()
					.filter((pairs) -> String.valueOf(pairs.get("message")).startsWith(MARKER))
					.toList();
				assertThat(request).hasSize(1);
				Map<String, String> pairs = request.get(0);
				assertThat(pairs).containsKeys("timestamp", "level", "logger", "thread", "service");
				Map<String, String> fields = new HashMap<>();
				fields.put("message", pairs.get("message"));
				fields.put("correlation", pairs.get("correlation_id"));
				fields.put("trace", pairs.get("trace_id"));
				fields.put("password", pairs.get("password"));
				yield fields;
			}
			case CSV -> {
				List<List<String>> records = TextLogLines.csv(written);
				List<String> header = records.get(0);
				assertThat(header).containsExactly("timestamp", "level", "logger", "thread", "correlation_id",
						"trace_id", "span_id", "message", "exception_type", "exception_message", "stack_trace");
				assertThat(records).allSatisfy((record) -> assertThat(record).hasSize(header.size()));
				List<List<String>> request = records.stream()
					.filter((record) -> record.get(7).startsWith(MARKER))
					.toList();
				assertThat(request).hasSize(1);
				Map<String, String> fields = new HashMap<>();
				fields.put("message", request.get(0).get(7));
				fields.put("correlation", request.get(0).get(4));
				fields.put("trace", request.get(0).get(5));
				yield fields;
			}
			case PLAIN -> {
				Pattern plain = Pattern.compile("^\\S+ +(\\w+) \\[.*?\\] \\S+ +\\[([^\\]]*)\\] : (.*)$");
				List<Matcher> request = written.lines()
					.map(plain::matcher)
					.filter((matcher) -> matcher.matches() && matcher.group(3).startsWith(MARKER))
					.toList();
				assertThat(request).hasSize(1);
				assertThat(request.get(0).group(3)).contains("password=\"****\"");
				Map<String, String> fields = new HashMap<>();
				fields.put("message", request.get(0).group(3));
				fields.put("correlation", request.get(0).group(2));
				yield fields;
			}
		};
	}

	private static Map<String, String> json(String written, Function<JsonNode, Map<String, String>> reader) {
		List<JsonNode> events = written.lines().map((line) -> {
			assertThat(line).startsWith("{");
			return JSON.readTree(line);
		}).toList();
		List<JsonNode> request = events.stream()
			.filter((event) -> event.toString().contains(MARKER))
			.toList();
		assertThat(request).hasSize(1);
		return reader.apply(request.get(0));
	}

	private static void requireFields(JsonNode event, String... names) {
		for (String name : names) {
			assertThat(event.has(name)).as("%s in %s", name, event).isTrue();
		}
	}

	private static Map<String, String> fields(JsonNode message, JsonNode correlation, JsonNode trace,
			JsonNode password) {
		Map<String, String> fields = new HashMap<>();
		fields.put("message", (message != null) ? message.asString() : null);
		fields.put("correlation", (correlation != null) ? correlation.asString() : null);
		fields.put("trace", (trace != null && !trace.isMissingNode()) ? trace.asString() : null);
		if (password != null) {
			fields.put("password", password.asString());
		}
		return fields;
	}

	private static HttpResponse<String> get(int port) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/matrix")).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MatrixController.class)
	static class MatrixApplication {

	}

	@RestController
	static class MatrixController {

		private static final Logger log = LoggerFactory.getLogger(MatrixController.class);

		@GetMapping("/matrix")
		Mono<String> matrix() {
			return Mono.fromSupplier(() -> {
				log.atInfo().addKeyValue("password", SECRET).log(MARKER + " paid with card " + CARD);
				String traceId = MDC.get("traceId");
				return (traceId != null) ? traceId : "none";
			});
		}

	}

}
