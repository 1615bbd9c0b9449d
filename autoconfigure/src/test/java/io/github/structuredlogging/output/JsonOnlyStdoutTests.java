package io.github.structuredlogging.output;

import java.util.List;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every line an application writes to stdout is one JSON object when the console writes JSON: no banner, also when
 * the application starts again in the same JVM, as on a DevTools restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonOnlyStdoutTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void stdoutHoldsOnlyJsonLinesAcrossRestarts(CapturedOutput output) {
		for (int start = 0; start < 2; start++) {
			try (ConfigurableApplicationContext context = run()) {
				assertThat(context.isRunning()).isTrue();
			}
		}
		List<String> lines = JsonLogLines.written(output).lines().toList();
		assertThat(lines).isNotEmpty().allSatisfy((line) -> {
			assertThat(line).startsWith("{").endsWith("}");
			assertThatNoException().as(line).isThrownBy(() -> JSON.readTree(line));
		});
		assertThat(lines).filteredOn((line) -> line.contains("Structured logging: defaults=")).hasSize(2);
	}

	@Test
	void bootsStructuredConsoleFormatKeepsStdoutJsonToo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.structured.format.console=gelf")) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(JsonLogLines.written(output).lines().toList()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).startsWith("{\"version\":\"1.1\""));
	}

	@Test
	void theBannerStaysForTheReadableConsole(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.output.console-format=plain")) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(JsonLogLines.written(output)).contains(":: Spring Boot ::");
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
