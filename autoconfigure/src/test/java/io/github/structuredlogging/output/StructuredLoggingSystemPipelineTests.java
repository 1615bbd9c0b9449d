package io.github.structuredlogging.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the logging system puts Spring Boot's console and file appenders behind the log pipeline.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingSystemPipelineTests {

	@TempDir
	Path directory;

	@Test
	void movesConsoleAndFileBehindTheAsyncPipelineAndLogsTheEffectiveSettings(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.file.name=" + this.directory.resolve("app.json"),
				"structured-logging.async.queue-size=2048", "structured-logging.sampling.rates.com.acme=0.5")) {
			LogPipelineAppender pipeline = (LogPipelineAppender) root().getAppender(LogPipelineAppender.DEFAULT_NAME);
			assertThat(pipeline).isNotNull();
			assertThat(rootAppenderNames()).containsExactly(LogPipelineAppender.DEFAULT_NAME);
			assertThat(pipeline.getOutputNames()).containsExactlyInAnyOrder("CONSOLE", "FILE");
			assertThat(pipeline.getQueueSize()).isEqualTo(2048);
			assertThat(((OutputStreamAppender<?>) pipeline.getAppender("FILE")).isImmediateFlush()).isFalse();
			await().untilAsserted(() -> assertThat(JsonLogLines.parse(output.getOut())
				.where((event) -> event.get("message").asString().startsWith("Structured logging: defaults=none")))
				.singleElement()
				.satisfies((event) -> assertThat(event.get("message").asString())
					.contains("console-format=json [default]")
					.contains("file-format=json [default]")
					.contains("queue-size=2048")
					.contains("outputs=[CONSOLE, FILE]")
					.contains("rates={com.acme=0.5}")));
		}
	}

	@Test
	void leavesTheAppendersOnTheRootLoggerWhenTheAsyncPipelineIsDisabled() {
		try (ConfigurableApplicationContext context = run("structured-logging.async.enabled=false")) {
			assertThat(rootAppenderNames()).containsExactly("CONSOLE");
		}
	}

	@Test
	void usesTheProductionDefaultsWithTheProdProfile() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.profiles(LoggingProfileDefaults.PRODUCTION_PROFILE)
			.run()) {
			LogPipelineAppender pipeline = (LogPipelineAppender) root().getAppender(LogPipelineAppender.DEFAULT_NAME);
			assertThat(pipeline.getQueueSize()).isEqualTo(16384);
			assertThat(pipeline.getAppendTimeout()).isZero();
		}
	}

	@Test
	void letsTheApplicationOverrideTheProfileDefaults() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.profiles(LoggingProfileDefaults.PRODUCTION_PROFILE)
			.properties("structured-logging.async.queue-size=512")
			.run()) {
			LogPipelineAppender pipeline = (LogPipelineAppender) root().getAppender(LogPipelineAppender.DEFAULT_NAME);
			assertThat(pipeline.getQueueSize()).isEqualTo(512);
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE).properties(properties).run();
	}

	private static Logger root() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
	}

	private static List<String> rootAppenderNames() {
		List<String> names = new ArrayList<>();
		root().iteratorForAppenders().forEachRemaining((appender) -> names.add(appender.getName()));
		return names;
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
