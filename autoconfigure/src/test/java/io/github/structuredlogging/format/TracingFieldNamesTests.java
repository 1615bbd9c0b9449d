package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.support.TextLogLines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names under which each format writes the trace and span ids Micrometer Tracing puts into the MDC: the
 * format's own convention by default, and the configured names in the starter's json, logfmt and csv.
 */
class TracingFieldNamesTests {

	private static final String TRACE = "6b0caa66eb4ed0198b61f7a94480cfd4";

	private static final String SPAN = "8b61f7a94480cfd4";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void eachFormatWritesTheIdsInItsOwnConventionByDefault() {
		Map<String, Object> none = Map.of();
		JsonNode json = json(LogFormat.JSON, none);
		assertThat(json.path("trace_id").asString()).isEqualTo(TRACE);
		assertThat(json.path("span_id").asString()).isEqualTo(SPAN);
		assertThat(json.has("traceId")).isFalse();
		JsonNode ecs = json(LogFormat.ECS, none);
		assertThat(ecs.at("/trace/id").asString()).isEqualTo(TRACE);
		assertThat(ecs.at("/span/id").asString()).isEqualTo(SPAN);
		assertThat(json(LogFormat.LOGSTASH, none).path("traceId").asString()).isEqualTo(TRACE);
		assertThat(json(LogFormat.GELF, none).path("_traceId").asString()).isEqualTo(TRACE);
		Map<String, String> logfmt = TextLogLines.logfmt(text(LogFormat.LOGFMT, none).strip());
		assertThat(logfmt).containsEntry("trace_id", TRACE).containsEntry("span_id", SPAN).doesNotContainKey("traceId");
		assertThat(text(LogFormat.CSV, Map.of("structured-logging.format.csv.columns", "trace_id,span_id")))
			.isEqualTo(TRACE + "," + SPAN + "\r\n");
	}

	@Test
	void theStartersFormatsWriteTheConfiguredNames() {
		Map<String, Object> names = Map.of("structured-logging.format.trace-id-field", "trace.id",
				"structured-logging.format.span-id-field", "otel_span", "structured-logging.format.csv.columns",
				"trace.id,otel_span,trace_id");
		JsonNode json = json(LogFormat.JSON, names);
		assertThat(json.path("trace.id").asString()).isEqualTo(TRACE);
		assertThat(json.path("otel_span").asString()).isEqualTo(SPAN);
		assertThat(json.has("trace_id")).isFalse();
		Map<String, String> logfmt = TextLogLines.logfmt(text(LogFormat.LOGFMT, names).strip());
		assertThat(logfmt).containsEntry("trace.id", TRACE).containsEntry("otel_span", SPAN).doesNotContainKey("trace_id");
		assertThat(text(LogFormat.CSV, names)).isEqualTo(TRACE + "," + SPAN + ",\r\n");
	}

	@Test
	void ecsWritesTheIdsStraightAsNestingEveryNameWouldWriteThem() {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("correlation_id", TRACE);
		mdc.put("traceId", TRACE);
		mdc.put("user", "u1");
		mdc.put("spanId", SPAN);
		JsonNode straight = JSON.readTree(text(LogFormat.ECS, Map.of(), mdc));
		mdc.put("tenant.region", "eu");
		ObjectNode nested = (ObjectNode) JSON.readTree(text(LogFormat.ECS, Map.of(), mdc));
		assertThat(nested.at("/tenant/region").asString()).isEqualTo("eu");
		nested.remove("tenant");
		assertThat(straight.toString()).isEqualTo(nested.toString());
		assertThat(straight.at("/trace/id").asString()).isEqualTo(TRACE);
		assertThat(straight.at("/span/id").asString()).isEqualTo(SPAN);
	}

	private static JsonNode json(LogFormat format, Map<String, Object> properties) {
		return JSON.readTree(text(format, properties));
	}

	private static String text(LogFormat format, Map<String, Object> properties) {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("traceId", TRACE);
		mdc.put("spanId", SPAN);
		return text(format, properties, mdc);
	}

	private static String text(LogFormat format, Map<String, Object> properties, Map<String, String> mdc) {
		LoggerContext context = new LoggerContext();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		context.putObject(Environment.class.getName(), environment);
		Encoder<ILoggingEvent> encoder = format.createEncoder(new FormatContext(context, Binder.get(environment),
				new LimitsProperties(), new MaskingProperties(), "order-service"));
		encoder.start();
		try {
			return new String(encoder.encode(event(context, mdc)), StandardCharsets.UTF_8);
		}
		finally {
			encoder.stop();
		}
	}

	private static ILoggingEvent event(LoggerContext context, Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent(TracingFieldNamesTests.class.getName(), context.getLogger("com.acme"),
				Level.INFO, "traced", null, null);
		event.setInstant(Instant.ofEpochSecond(1_780_000_000L, 123_456_000));
		event.setMDCPropertyMap(mdc);
		return event;
	}

}
