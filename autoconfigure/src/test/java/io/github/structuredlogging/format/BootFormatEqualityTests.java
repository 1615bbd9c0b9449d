package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Spring Boot's own formatter and the starter's encoder of the same format over the same events, under the
 * same {@code logging.structured.*} settings, and requires the same JSON, member for member.
 */
class BootFormatEqualityTests {

	private static final long SEED = 20261129L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, LogFormat> FORMATS = Map.of("ecs", LogFormat.ECS, "logstash",
			LogFormat.LOGSTASH, "gelf", LogFormat.GELF);

	static Stream<Arguments> formatsAndSettings() {
		List<Arguments> arguments = new ArrayList<>();
		for (String format : List.of("ecs", "logstash", "gelf")) {
			for (Map.Entry<String, Map<String, String>> settings : settings().entrySet()) {
				arguments.add(Arguments.of(format, settings.getKey(), settings.getValue()));
			}
		}
		return arguments.stream();
	}

	private static Map<String, Map<String, String>> settings() {
		Map<String, Map<String, String>> settings = new LinkedHashMap<>();
		settings.put("defaults", Map.of());
		settings.put("application name and version", Map.of("spring.application.name", "orders",
				"spring.application.version", "1.2.3", "spring.application.pid", "4242"));
		settings.put("exclude, rename and add",
				Map.of("logging.structured.json.exclude", "log.logger,logger_name,_log_logger,thread_name,tenant",
						"logging.structured.json.rename.message", "msg",
						"logging.structured.json.rename.process.thread.name", "thread",
						"logging.structured.json.rename.region", "zone", "logging.structured.json.rename._region",
						"zone", "logging.structured.json.add.region", "eu-west-1",
						"logging.structured.json.add.deploy.pod", "orders-7f9"));
		settings.put("include", Map.of("logging.structured.json.include",
				"@timestamp,message,level,log,log.level,short_message,version,timestamp,user,_user"));
		settings.put("context prefix", Map.of("logging.structured.json.context.prefix", "ctx"));
		settings.put("no context", Map.of("logging.structured.json.context.include", "false"));
		settings.put("standard stack trace, root first", Map.of("logging.structured.json.stack-trace.root", "first",
				"logging.structured.json.stack-trace.max-throwable-depth", "3"));
		settings.put("ecs service and gelf host",
				Map.of("logging.structured.ecs.service.name", "billing", "logging.structured.ecs.service.version",
						"9", "logging.structured.ecs.service.environment", "prod",
						"logging.structured.ecs.service.node-name", "node-1", "logging.structured.gelf.host",
						"billing-host", "logging.structured.gelf.service.version", "9"));
		return settings;
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("formatsAndSettings")
	void writesWhatBootWritesMemberForMember(String format, String description, Map<String, String> properties) {
		MockEnvironment environment = new MockEnvironment();
		properties.forEach(environment::setProperty);
		LoggerContext loggerContext = new LoggerContext();
		loggerContext.putObject(Environment.class.getName(), environment);
		Encoder<ILoggingEvent> starter = FORMATS.get(format)
			.createEncoder(new FormatContext(loggerContext, Binder.get(environment), new LimitsProperties(),
					new MaskingProperties(), environment.getProperty("spring.application.name")));
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setContext(loggerContext);
		boot.setFormat(format);
		starter.start();
		boot.start();
		Random random = new Random(SEED);
		for (int i = 0; i < 60; i++) {
			ILoggingEvent event = event(loggerContext, random);
			String expected = new String(boot.encode(event), StandardCharsets.UTF_8);
			String actual = new String(starter.encode(event), StandardCharsets.UTF_8);
			assertThat(actual).as("event %d of seed %d, line count", i, SEED).endsWith("\n").hasLineCount(1);
			assertThat(JSON.readTree(actual)).as("event %d of seed %d: %s", i, SEED, expected)
				.isEqualTo(JSON.readTree(expected));
		}
	}

	private static ILoggingEvent event(LoggerContext context, Random random) {
		Logger logger = context.getLogger("com.example.orders.Order" + random.nextInt(3));
		Level level = List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR).get(random.nextInt(5));
		Throwable throwable = switch (random.nextInt(4)) {
			case 0 -> new IllegalStateException("order " + random.nextInt(100) + " rejected",
					new IllegalArgumentException("bad quantity"));
			case 1 -> new RuntimeException();
			default -> null;
		};
		String message = switch (random.nextInt(6)) {
			case 0 -> "";
			case 1 -> "  ";
			case 2 -> "multi\nline \"quoted\" \\ tab\t and \u00e9 \u4e2d";
			default -> "order {} placed";
		};
		LoggingEvent event = new LoggingEvent("fqcn", logger, level, message, throwable,
				new Object[] { random.nextInt(1000) });
		event.setThreadName("worker-" + random.nextInt(4));
		event.setInstant(Instant.ofEpochSecond(1_780_000_000L + random.nextInt(1_000_000), nanos(random)));
		Map<String, String> mdc = new LinkedHashMap<>();
		if (random.nextBoolean()) {
			mdc.put("correlation_id", "c-" + random.nextInt(10_000));
			mdc.put("request_id", "r-" + random.nextInt(10_000));
		}
		if (random.nextBoolean()) {
			mdc.put("user", "u" + random.nextInt(100));
		}
		if (random.nextInt(4) == 0) {
			mdc.put("tenant.region", "eu");
		}
		event.setMDCPropertyMap(mdc);
		if (random.nextBoolean()) {
			event.addKeyValuePair(new org.slf4j.event.KeyValuePair("amount", random.nextInt(500)));
			event.addKeyValuePair(new org.slf4j.event.KeyValuePair("express", random.nextBoolean()));
			event.addKeyValuePair(new org.slf4j.event.KeyValuePair("price", 12.5 + random.nextInt(10)));
		}
		if (random.nextInt(3) == 0) {
			event.addKeyValuePair(new org.slf4j.event.KeyValuePair("items", List.of("a", "b", 3)));
			event.addKeyValuePair(new org.slf4j.event.KeyValuePair("address", Map.of("city", "Lyon")));
		}
		if (random.nextInt(3) == 0) {
			Marker marker = MarkerFactory.getDetachedMarker("audit");
			marker.add(MarkerFactory.getDetachedMarker("security"));
			event.addMarker(marker);
			event.addMarker(MarkerFactory.getDetachedMarker("billing"));
		}
		return event;
	}

	/**
	 * Fractions of a second of every length the timestamp formats tell apart: none, milli, micro and nano.
	 */
	private static int nanos(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
	}

}
