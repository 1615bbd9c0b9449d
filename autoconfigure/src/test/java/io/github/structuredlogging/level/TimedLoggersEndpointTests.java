package io.github.structuredlogging.level;

import java.time.Duration;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = TimedLoggersEndpointTests.Application.class,
		properties = { "spring.main.web-application-type=servlet",
				"management.endpoints.web.exposure.include=timedloggers",
				"structured-logging.levels.max-duration=10m", "logging.level.probe.kept=WARN" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TimedLoggersEndpointTests {

	private static final Logger timed = LoggerFactory.getLogger("probe.timed");

	private static final Logger kept = LoggerFactory.getLogger("probe.kept");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LoggingSystem loggingSystem;

	@Test
	void aLevelSetForTwoSecondsShowsDebugLinesThenStopsByItself(CapturedOutput output) throws Exception {
		timed.debug("debug before");
		long start = System.nanoTime();

		setLevel("probe.timed", "DEBUG", "2s").andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("DEBUG"))
			.andExpect(jsonPath("$.previousLevel").doesNotExist());
		timed.debug("debug during");
		this.mvc.perform(get("/actuator/timedloggers"))
			.andExpect(jsonPath("$.loggers['probe.timed'].level").value("DEBUG"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.loggingSystem.getLoggerConfiguration("probe.timed").getConfiguredLevel() == null);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		timed.debug("debug after");
		timed.info("info after");

		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(lines.withMessage("debug before")).isEmpty();
		assertThat(lines.withMessage("debug during")).hasSize(1);
		assertThat(lines.withMessage("debug after")).isEmpty();
		assertThat(lines.withMessage("info after")).hasSize(1);
		this.mvc.perform(get("/actuator/timedloggers")).andExpect(jsonPath("$.loggers").isEmpty());
	}

	@Test
	void theConfiguredLevelComesBackNotTheDefault() throws Exception {
		setLevel("probe.kept", "TRACE", "1s").andExpect(jsonPath("$.previousLevel").value("WARN"));
		assertThat(kept.isTraceEnabled()).isTrue();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.loggingSystem.getLoggerConfiguration("probe.kept").getConfiguredLevel() == LogLevel.WARN);
		assertThat(kept.isInfoEnabled()).isFalse();
	}

	@Test
	void aLevelChangedByHandMeanwhileIsLeftAlone() throws Exception {
		setLevel("probe.manual", "DEBUG", "1s").andExpect(status().isOk());
		this.loggingSystem.setLogLevel("probe.manual", LogLevel.ERROR);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mvc.perform(get("/actuator/timedloggers")).andReturn().getResponse().getContentAsString(),
					(body) -> !body.contains("probe.manual"));
		assertThat(this.loggingSystem.getLoggerConfiguration("probe.manual").getConfiguredLevel())
			.isEqualTo(LogLevel.ERROR);
	}

	@Test
	void deleteRestoresAtOnce() throws Exception {
		setLevel("probe.deleted", "DEBUG", "5m").andExpect(status().isOk());

		this.mvc.perform(delete("/actuator/timedloggers/probe.deleted")).andExpect(status().isOk());

		assertThat(this.loggingSystem.getLoggerConfiguration("probe.deleted").getConfiguredLevel()).isNull();
	}

	@Test
	void durationsOutsideTheAllowedRangeAreRefusedNamingTheProperty() throws Exception {
		setLevel("probe.refused", "DEBUG", "11m").andExpect(status().isBadRequest());
		setLevel("probe.refused", "DEBUG", "-1s").andExpect(status().isBadRequest());
		setLevel("probe.refused", "DEBUG", "0s").andExpect(status().isBadRequest());
		setLevel("probe.refused", "DEBUG", "10m").andExpect(status().isOk());
		this.mvc.perform(delete("/actuator/timedloggers/probe.refused"));
	}

	private org.springframework.test.web.servlet.ResultActions setLevel(String logger, String level, String duration)
			throws Exception {
		return this.mvc.perform(post("/actuator/timedloggers/" + logger).contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":\"" + level + "\",\"duration\":\"" + duration + "\"}"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
