package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The Boot formats mask on their own side: texts they write straight are masked as the masking generator masks
 * them, a text repeated within an event is masked wherever it appears, values that are not text go through the
 * masking generator, and a masked field name that is one of the format's own names still masks that member.
 */
class BootFormatMaskingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CARD = "4111 1111 1111 1111";

	private static final String PASSWORD = "hunter2-boot-format";

	private static final String THREAD = "worker-7";

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = LogFormat.class, names = { "ECS", "LOGSTASH", "GELF" })
	void masksEveryTextOfTheEventAlsoWhenItRepeats(LogFormat format) {
		String line = encode(format, new MaskingProperties());
		JsonNode json = JSON.readTree(line);
		String prefix = (format == LogFormat.GELF) ? "_" : "";
		assertThat(line).doesNotContain(CARD).doesNotContain(CARD.replace(" ", "")).doesNotContain(PASSWORD);
		assertThat(json.path(prefix + "card").asString()).as(line).isNotEmpty();
		assertThat(json.path(prefix + "card_again").asString()).as(line)
			.isEqualTo(json.path(prefix + "card").asString());
		assertThat(json.path(prefix + "password").asString()).as(line).isEqualTo("****");
		assertThat(json.path(prefix + "plain").asString()).as(line).isEqualTo("visible-value");
		assertThat(json.path(prefix + "cards").get(1).asString()).as(line).isEqualTo("visible-too");
		assertThat(line).contains("paid with card").contains(THREAD);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = LogFormat.class, names = { "ECS", "LOGSTASH", "GELF" })
	void aMaskedFieldNameTheFormatWritesItselfIsMasked(LogFormat format) {
		MaskingProperties masking = new MaskingProperties();
		List<String> fields = new ArrayList<>(masking.getFields());
		fields.add("name");
		masking.setFields(fields);
		String line = encode(format, masking);
		JsonNode json = JSON.readTree(line);
		assertThat(line).doesNotContain(THREAD).doesNotContain(CARD).doesNotContain(PASSWORD);
		assertThat(line).contains("paid with card").contains("visible-value");
		switch (format) {
			case ECS -> {
				assertThat(json.at("/process/thread/name").asString()).as(line).isEqualTo("****");
				assertThat(json.at("/trace/id").asString()).as(line).isEqualTo("6b0caa66eb4ed0198b61f7a94480cfd4");
			}
			case LOGSTASH -> assertThat(json.path("thread_name").asString()).as(line).isEqualTo("****");
			default -> assertThat(json.path("_process_thread_name").asString()).as(line).isEqualTo("****");
		}
	}

	private static String encode(LogFormat format, MaskingProperties masking) {
		LoggerContext context = new LoggerContext();
		StandardEnvironment environment = new StandardEnvironment();
		context.putObject(Environment.class.getName(), environment);
		Encoder<ILoggingEvent> encoder = format.createEncoder(new FormatContext(context, Binder.get(environment),
				new LimitsProperties(), masking, "order-service"));
		encoder.start();
		try {
			LoggingEvent event = new LoggingEvent(BootFormatMaskingTests.class.getName(),
					context.getLogger("com.acme.Payments"), Level.INFO, "paid with card {}", null,
					new Object[] { CARD });
			event.setThreadName(THREAD);
			Map<String, String> mdc = new LinkedHashMap<>();
			mdc.put("card", CARD);
			mdc.put("plain", "visible-value");
			mdc.put("card_again", new String(CARD.toCharArray()));
			mdc.put("password", PASSWORD);
			mdc.put("traceId", "6b0caa66eb4ed0198b61f7a94480cfd4");
			event.setMDCPropertyMap(mdc);
			event.addKeyValuePair(new KeyValuePair("cards", List.of(CARD, "visible-too")));
			return new String(encoder.encode(event), StandardCharsets.UTF_8);
		}
		finally {
			encoder.stop();
		}
	}

}
