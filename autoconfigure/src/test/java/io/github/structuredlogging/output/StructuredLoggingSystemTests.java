package io.github.structuredlogging.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingSystemTests {

	@Test
	void isTheLoggingSystemSpringBootPicksWhenLogbackIsPresent() {
		assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(StructuredLoggingSystem.class);
	}

	@Test
	void writesOneJsonObjectPerEventWithStructuredExceptions(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("spring.application.name=billing")) {
			LoggerFactory.getLogger("test.json").atWarn().addKeyValue("order_id", 42)
				.setCause(new IllegalStateException("boom")).log("payment failed");
		}

		JsonNode event = JsonLogLines.of(output).withMessage("payment failed").get(0);
		assertThat(event.get("level").asString()).isEqualTo("WARN");
		assertThat(event.get("logger").asString()).isEqualTo("test.json");
		assertThat(event.get("thread").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(event.get("@timestamp").asString()).isNotBlank();
		assertThat(event.get("order_id").asInt()).isEqualTo(42);
		assertThat(event.get("service").asString()).isEqualTo("billing");
		assertThat(event.get("exception_type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(event.get("exception_message").asString()).isEqualTo("boom");
		assertThat(event.get("stack_trace").asString()).startsWith("java.lang.IllegalStateException: boom");
		assertThat(event.has("CONSOLE_LOG_PATTERN")).isFalse();
		assertThat(event.has("@version")).isFalse();
	}

	@Test
	void writesTheLogFileAsJsonTooAndFlushesItWhenTheContextCloses(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("app.log");
		try (ConfigurableApplicationContext context = run("logging.file.name=" + file,
				"structured-logging.output.console-format=plain")) {
			LoggerFactory.getLogger("test.file").info("to the file");
		}

		// Read after the context closed, without waiting: closing it flushes the asynchronous pipeline.
		assertThat(JsonLogLines.parse(Files.readString(file)).withMessage("to the file")).hasSize(1);
	}

	@Test
	void writesReadableTextWhenThePlainConsoleFormatIsChosen(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.output.console-format=plain")) {
			LoggerFactory.getLogger("test.plain").atInfo().addKeyValue("k", "v").log("readable\r\nline");
		}

		assertThat(JsonLogLines.written(output)).containsPattern("INFO \\[.*\\] test\\.plain +\\[\\] : readable line k=\"?v\"?")
			.doesNotContain("{\"@timestamp\"");
	}

	@Test
	void leavesSpringBootsDefaultsAloneWhenDisabled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.output.enabled=false")) {
			LoggerFactory.getLogger("test.disabled").info("boot layout");
		}

		assertThat(JsonLogLines.written(output)).contains("test.disabled").contains(": boot layout")
			.doesNotContain("\"message\":\"boot layout\"");
	}

	@Test
	void theApplicationsOwnLogbackConfigurationWins(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.config=classpath:user-logback.xml")) {
			LoggerFactory.getLogger("test.user").info("user layout");
		}

		assertThat(JsonLogLines.written(output)).contains("USER-LAYOUT INFO user layout")
			.doesNotContain("\"message\":\"user layout\"");
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	static class EmptyApplication {

	}

}
