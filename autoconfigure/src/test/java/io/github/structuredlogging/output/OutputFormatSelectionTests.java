package io.github.structuredlogging.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which format each output writes, chosen by Spring Boot's properties or the starter's, as an application really
 * writes it, and what the start-up lines say about it.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutputFormatSelectionTests {

	private static final Logger log = LoggerFactory.getLogger("com.acme.orders");

	@TempDir
	Path directory;

	@Test
	void bootsConsoleFormatPropertyWinsAndKeepsTheStartersMasking(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.structured.format.console=ecs",
				"structured-logging.output.console-format=logfmt")) {
			MDC.put("password", "hunter2-mdc");
			try {
				log.atInfo().addKeyValue("order", "o-1").log("login password=hunter2-message");
			}
			finally {
				MDC.clear();
			}
		}
		JsonLogLines lines = JsonLogLines.of(output);
		JsonNode event = lines.where((line) -> line.has("order")).get(0);
		assertThat(event.at("/ecs/version").asString()).isEqualTo("8.11");
		assertThat(event.at("/log/level").asString()).isEqualTo("INFO");
		assertThat(event.get("message").asString()).isEqualTo("login password=****");
		assertThat(event.get("password").asString()).isEqualTo("****");
		assertThat(JsonLogLines.written(output)).doesNotContain("hunter2");
		assertThat(startupLine(lines)).contains("console-format=ecs [logging.structured.format.console]");
	}

	@Test
	void theStartersConsoleFormatPropertyAppliesWithoutBootsProperty(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.output.console-format=logfmt")) {
			log.atInfo().addKeyValue("order", "o 2").log("placed");
		}
		assertThat(JsonLogLines.written(output)).containsPattern(
				"(?m)^timestamp=\\S+ level=INFO logger=com\\.acme\\.orders thread=\\S+ service=test-service message=placed order=\"o 2\"$")
			.contains("console-format=logfmt [structured-logging.output.console-format]");
	}

	@Test
	void bootsFileFormatPropertyChoosesTheFileFormatOnItsOwn(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("app.log");
		try (ConfigurableApplicationContext context = run("logging.file.name=" + file,
				"logging.structured.format.file=logstash")) {
			log.info("to both");
		}
		JsonNode fileEvent = JsonLogLines.parse(Files.readString(file)).withMessage("to both").get(0);
		assertThat(fileEvent.get("@version").asString()).isEqualTo("1");
		assertThat(fileEvent.get("level_value").asInt()).isEqualTo(20000);
		JsonNode consoleEvent = JsonLogLines.of(output).withMessage("to both").get(0);
		assertThat(consoleEvent.has("@version")).isFalse();
		assertThat(consoleEvent.get("logger").asString()).isEqualTo("com.acme.orders");
	}

	@Test
	void csvFileStartsWithTheConfiguredHeader(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("app.csv");
		try (ConfigurableApplicationContext context = run("logging.file.name=" + file,
				"structured-logging.output.file-format=csv",
				"structured-logging.format.csv.columns=level,order,message")) {
			log.atWarn().addKeyValue("order", "o,3").log("said \"hi\"\nagain");
		}
		List<String> records = List.of(Files.readString(file).split("\r\n"));
		assertThat(records.get(0)).isEqualTo("level,order,message");
		assertThat(records).contains("WARN,\"o,3\",\"said \"\"hi\"\"\nagain\"");
	}

	@Test
	void aFormatterClassOfTheApplicationsOwnWritesBoundedAndMaskedEvents(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(
				"logging.structured.format.console=" + MessageOnlyFormatter.class.getName(),
				"structured-logging.limits.max-message-length=20")) {
			log.info("token password=hunter2 and a long tail");
		}
		assertThat(JsonLogLines.written(output)).contains("custom|token password=****")
			.contains("...[truncated")
			.doesNotContain("hunter2");
	}

	@Test
	void aFormatterClassOfTheApplicationsOwnWritesNoRawLineBreakingCharacters(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(
				"logging.structured.format.console=" + MessageOnlyFormatter.class.getName())) {
			log.info("separators[\u2028|\u2029|\u0085|\u0080|\u009F|\u007F] kept[é|€|\u00A0|\u2027|\u202A]");
		}
		String line = JsonLogLines.written(output)
			.lines()
			.filter((candidate) -> candidate.startsWith("custom|separators"))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains("separators[\\u2028|\\u2029|\\u0085|\\u0080|\\u009F|\\u007F]")
			.contains("kept[é|€|\u00A0|\u2027|\u202A]");
		assertThat(line.chars().filter((c) -> (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029)).isEmpty();
	}

	@Test
	void bootsPatternAppliesToThePlainConsole(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.output.console-format=plain",
				"logging.pattern.console=PATTERN %level %msg%n")) {
			log.info("password=hunter2");
		}
		assertThat(JsonLogLines.written(output)).contains("PATTERN INFO password=****").doesNotContain("hunter2");
	}

	@Test
	void warnsOnceForEachBootPropertyWithoutEffect(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.pattern.console=%msg%n",
				"logging.structured.json.exclude=level")) {
			log.info("json");
		}
		JsonLogLines lines = JsonLogLines.of(output);
		List<JsonNode> warnings = lines.where((line) -> "WARN".equals(line.get("level").asString())
				&& line.get("logger").asString().equals(StructuredLoggingSystem.class.getName()));
		assertThat(warnings).extracting((line) -> line.get("message").asString())
			.anySatisfy((message) -> assertThat(message).startsWith("logging.pattern.console is set but has no effect"))
			.anySatisfy((message) -> assertThat(message).startsWith("logging.structured.json.[exclude] is set"))
			.hasSize(2);
		assertThat(lines.withMessage("json").get(0).get("level").asString()).isEqualTo("INFO");
	}

	private static String startupLine(JsonLogLines lines) {
		return lines.where((line) -> String.valueOf(line.get("message")).contains("Structured logging: defaults="))
			.get(0)
			.get("message")
			.asString();
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=test-service", "structured-logging.async.enabled=false")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	static class EmptyApplication {

	}

	/**
	 * A formatter of the application's own.
	 */
	public static class MessageOnlyFormatter implements StructuredLogFormatter<ILoggingEvent> {

		@Override
		public String format(ILoggingEvent event) {
			return "custom|" + event.getFormattedMessage() + "\n";
		}

	}

}
