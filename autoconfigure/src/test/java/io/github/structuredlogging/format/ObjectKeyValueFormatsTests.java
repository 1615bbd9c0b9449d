package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object logged as a key/value is written as a JSON object with its properties in every JSON format, masked, and
 * a plain text value beside it is the positive control. The limits turn objects into trees before a format sees
 * them, and a tree is iterable: written as a collection it came out as nested empty arrays.
 */
class ObjectKeyValueFormatsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "hunter2-object-kv";

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = LogFormat.class, names = { "JSON", "ECS", "LOGSTASH", "GELF" })
	void anObjectIsWrittenAsAnObjectWithItsPropertiesMasked(LogFormat format) {
		String line = encode(format);
		JsonNode json = JSON.readTree(line);
		String prefix = (format == LogFormat.GELF) ? "_" : "";
		assertThat(json.path(prefix + "ticket").asString()).as(line).isEqualTo("T-42");
		JsonNode order = json.path(prefix + "order");
		assertThat(order.isObject()).as(line).isTrue();
		assertThat(order.path("id").asString()).as(line).isEqualTo("o-17");
		assertThat(order.path("quantity").asInt()).as(line).isEqualTo(3);
		assertThat(order.path("skus").isArray()).as(line).isTrue();
		assertThat(order.path("skus").get(1).asString()).as(line).isEqualTo("sku-2");
		assertThat(order.path("password").asString()).as(line).isNotEqualTo(SECRET);
		assertThat(line).doesNotContain(SECRET.substring(0, 6)).doesNotContain("[[");
	}

	private static String encode(LogFormat format) {
		LoggerContext context = new LoggerContext();
		StandardEnvironment environment = new StandardEnvironment();
		context.putObject(Environment.class.getName(), environment);
		Encoder<ILoggingEvent> encoder = format.createEncoder(new FormatContext(context, Binder.get(environment),
				new LimitsProperties(), new MaskingProperties(), "order-service"));
		encoder.start();
		try {
			LoggingEvent event = new LoggingEvent(ObjectKeyValueFormatsTests.class.getName(),
					context.getLogger("com.acme"), Level.INFO, "order placed", null, null);
			event.setMDCPropertyMap(Map.of());
			event.addKeyValuePair(new KeyValuePair("ticket", "T-42"));
			event.addKeyValuePair(new KeyValuePair("order", new Order("o-17", 3, List.of("sku-1", "sku-2"), SECRET)));
			return new String(encoder.encode(event), StandardCharsets.UTF_8);
		}
		finally {
			encoder.stop();
		}
	}

	record Order(String id, int quantity, List<String> skus, String password) {
	}

}
