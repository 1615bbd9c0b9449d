package io.github.structuredlogging.masking;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.format.StructuredJsonEncoder;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sensitive} values reach the log masked whichever way the object is handed to the encoder, and nowhere
 * else.
 */
class SensitiveModuleTests {

	@Test
	void masksAnnotatedFieldsOfBeansAsWellAsRecordComponents() {
		JsonMapper mapper = JsonMapper.builder().addModule(new SensitiveModule("****")).build();
		assertThat(mapper.writeValueAsString(new Account("alice", "s3cret")))
			.isEqualTo("{\"owner\":\"alice\",\"pin\":\"****\"}");
		assertThat(mapper.writeValueAsString(new Card("Alice", "4000000000000002")))
			.isEqualTo("{\"holder\":\"Alice\",\"number\":\"****\"}");
	}

	@Test
	void leavesMappersWithoutTheModuleAlone() {
		assertThat(JsonMapper.builder().build().writeValueAsString(new Card("Alice", "4000000000000002")))
			.contains("4000000000000002");
	}

	@Test
	void masksObjectsLoggedAsStructuredArgumentsOrMarkerFields() {
		LoggerContext context = new LoggerContext();
		StructuredJsonEncoder encoder = new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), null)
			.create(context);
		encoder.start();
		LoggingEvent event = new LoggingEvent(SensitiveModuleTests.class.getName(), context.getLogger("test"),
				Level.INFO, "card {}", null,
				new Object[] { StructuredArguments.keyValue("card", new Card("Alice", "6011000990139424")) });
		event.addMarker(Markers.appendFields(new Account("bob", "9876")));
		event.setMDCPropertyMap(Map.of());
		String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
		assertThat(json).contains("\"card\":{\"holder\":\"Alice\",\"number\":\"****\"}")
			.contains("\"owner\":\"bob\",\"pin\":\"****\"")
			.doesNotContain("6011000990139424")
			.doesNotContain("9876");
	}

	record Card(String holder, @Sensitive String number) {
	}

	static class Account {

		private final String owner;

		@Sensitive
		private final String pin;

		Account(String owner, String pin) {
			this.owner = owner;
			this.pin = pin;
		}

		public String getOwner() {
			return this.owner;
		}

		public String getPin() {
			return this.pin;
		}

	}

}
