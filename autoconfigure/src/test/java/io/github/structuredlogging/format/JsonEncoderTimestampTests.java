package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON encoder writes its own timestamp (no string per event): the text must stay what logstash-logback-encoder's
 * default provider writes, and stay the first field.
 */
class JsonEncoderTimestampTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final LoggerContext context = new LoggerContext();

	private final StructuredJsonEncoder starter = new JsonEncoderFactory(new LimitsProperties(),
			new MaskingProperties(), "order-service")
		.create(this.context);

	private final LogstashEncoder stock = new LogstashEncoder();

	@AfterEach
	void stop() {
		this.starter.stop();
		this.stock.stop();
		this.context.stop();
	}

	@Test
	void timestampIsTheStockProvidersTextAndComesFirst() {
		this.starter.start();
		this.stock.setContext(this.context);
		this.stock.start();
		List<Instant> instants = List.of(Instant.ofEpochSecond(1_780_000_000L, 0),
				Instant.ofEpochSecond(1_780_000_000L, 1), Instant.ofEpochSecond(1_780_000_000L, 120_000),
				Instant.ofEpochSecond(1_780_000_000L, 100_000_000), Instant.ofEpochSecond(1_780_000_001L, 999_999_999),
				Instant.ofEpochSecond(-1L, 5_000_000), Instant.ofEpochSecond(253_402_300_800L, 123_456_789));
		for (Instant instant : instants) {
			LoggingEvent event = new LoggingEvent(getClass().getName(), this.context.getLogger("test"), Level.INFO,
					"at {}", null, new Object[] { instant });
			event.setInstant(instant);
			event.setMDCPropertyMap(Map.of());
			JsonNode written = parse(this.starter.encode(event));
			assertThat(written.propertyNames().iterator().next()).as("first field").isEqualTo("@timestamp");
			assertThat(written.get("@timestamp").asString()).as("%s", instant)
				.isEqualTo(parse(this.stock.encode(event)).get("@timestamp").asString());
		}
	}

	private static JsonNode parse(byte[] line) {
		return MAPPER.readTree(new String(line, StandardCharsets.UTF_8));
	}

}
