package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogPipelineAccountingTests {

	private final LoggerContext context = PipelineTestSupport.newContext();

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void countsEventsRefusedByEveryOutputsThresholdAsFilteredNotWritten() {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setQueueSize(256);
		pipeline.addAppender(withThreshold(PipelineTestSupport.output(this.context, "CONSOLE", console), "WARN"));
		pipeline.addAppender(withThreshold(PipelineTestSupport.output(this.context, "FILE", file), "INFO"));
		pipeline.start();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.DEBUG);
		root.addAppender(pipeline);
		Logger logger = this.context.getLogger("thresholds");
		for (int i = 0; i < 10; i++) {
			logger.debug("debug");
			logger.info("info");
			logger.warn("warn");
		}
		await().until(() -> pipeline.getInFlight() == 0);

		assertThat(pipeline.getFiltered(Level.DEBUG)).isEqualTo(10);
		assertThat(pipeline.getWritten(Level.DEBUG)).isZero();
		assertThat(pipeline.getWritten(Level.INFO)).isEqualTo(10);
		assertThat(pipeline.getWritten(Level.WARN)).isEqualTo(10);
		assertThat(JsonLogLines.parse(file.toString(StandardCharsets.UTF_8)).all()).hasSize(20);
		assertThat(JsonLogLines.parse(console.toString(StandardCharsets.UTF_8)).all()).hasSize(10);
		for (Level level : LevelCounters.LEVELS) {
			assertThat(pipeline.getWritten(level) + pipeline.getDropped(level) + pipeline.getSampled(level)
					+ pipeline.getFiltered(level))
				.isEqualTo(pipeline.getAccepted(level));
		}
	}

	private OutputStreamAppender<ILoggingEvent> withThreshold(OutputStreamAppender<ILoggingEvent> appender,
			String level) {
		ThresholdFilter filter = new ThresholdFilter();
		filter.setLevel(level);
		filter.start();
		appender.addFilter(filter);
		return appender;
	}

}
