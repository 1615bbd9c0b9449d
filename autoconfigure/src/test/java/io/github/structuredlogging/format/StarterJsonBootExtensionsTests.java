package io.github.structuredlogging.format;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's {@code logging.structured.json.add} and {@code logging.structured.json.customizer} applied to the
 * starter's own {@code json} format, as an application writes it: fixed and computed members on every line, masked
 * and bounded; without the properties, none of them (the negative control).
 */
@ExtendWith(OutputCaptureExtension.class)
class StarterJsonBootExtensionsTests {

	private static final Logger log = LoggerFactory.getLogger("com.acme.extended");

	private static final String SECRET = "hunter2-customized";

	@Test
	void addAndMembersCustomizersWriteTheirMembersMaskedAndBounded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.structured.json.add.region=eu-west-1",
				"logging.structured.json.add.team=payments",
				"logging.structured.json.customizer=" + PodCustomizer.class.getName(),
				"structured-logging.limits.max-value-length=16")) {
			log.info("extended line");
		}
		JsonLogLines lines = JsonLogLines.of(output);
		JsonNode event = lines.withMessage("extended line").get(0);
		assertThat(event.get("region").asString()).isEqualTo("eu-west-1");
		assertThat(event.get("team").asString()).isEqualTo("payments");
		assertThat(event.get("pod").asString()).isEqualTo("pod-7");
		assertThat(event.get("logger_upper").asString()).isEqualTo("COM.ACME.EXTENDE...[truncated, 17 chars]");
		assertThat(event.get("password").asString()).isEqualTo("****");
		assertThat(event.get("logger").asString()).isEqualTo("com.acme.extended");
		assertThat(JsonLogLines.written(output)).doesNotContain(SECRET.substring(0, 6));
		assertThat(lines.where((line) -> line.get("level").asString().equals("WARN"))).isEmpty();
	}

	@Test
	void withoutThePropertiesTheLinesCarryNoneOfThoseMembers(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			log.info("plain json line");
		}
		JsonNode event = JsonLogLines.of(output).withMessage("plain json line").get(0);
		assertThat(event.has("logger")).isTrue();
		assertThat(event.has("region")).isFalse();
		assertThat(event.has("pod")).isFalse();
		assertThat(event.has("logger_upper")).isFalse();
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(ExtendedApplication.class)
			.properties("spring.main.web-application-type=none", "structured-logging.async.enabled=false",
					"structured-logging.output.console-format=json")
			.properties(properties)
			.run();
	}

	/**
	 * A customizer as Spring Boot's documentation shows one: a fixed member, one computed from the event, and one
	 * that must be masked.
	 */
	public static class PodCustomizer implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

		@Override
		public void customize(Members<ILoggingEvent> members) {
			members.add("pod", "pod-7");
			members.add("logger_upper", (event) -> event.getLoggerName().toUpperCase());
			members.add("password", SECRET);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ExtendedApplication {

	}

}
