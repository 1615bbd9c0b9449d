package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LogPipelineDrainTests {

	private static final int EVENTS = 1000;

	@Test
	void writesWarningsButDropsAndReportsInfoStillQueuedAtTheDrainDeadline(CapturedOutput captured) {
		LoggerContext context = PipelineTestSupport.newContext();
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(context);
		pipeline.setQueueSize(1024);
		pipeline.setDrainTimeout(Duration.ofMillis(100));
		// The writer fills its 8 KB buffer before each write, so the 1000 events take at least 19 writes: at 20 ms
		// each, some INFO is still queued at the deadline however large the batches grow on a fast JIT.
		pipeline.addAppender(PipelineTestSupport.output(context, "FILE",
				new TestOutputStream(file, TimeUnit.MILLISECONDS.toNanos(20))));
		pipeline.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = context.getLogger("drain");
		for (int seq = 0; seq < EVENTS; seq++) {
			logger.atLevel((seq % 2 == 0) ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.INFO)
				.addKeyValue("seq", seq)
				.log("queued");
		}

		pipeline.stop();

		JsonLogLines written = JsonLogLines.parse(file.toString(StandardCharsets.UTF_8));
		assertThat(written.withField("level", "WARN").stream().map((event) -> event.get("seq").asInt()))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).filter((seq) -> seq % 2 == 0)
				.boxed()
				.toList());
		assertThat(pipeline.getDropped(Level.INFO)).isPositive();
		assertThat(written.withField("level", "INFO")).hasSize((int) pipeline.getWritten(Level.INFO));
		assertThat(pipeline.getWritten(Level.INFO) + pipeline.getDropped(Level.INFO)).isEqualTo(EVENTS / 2);
		assertThat(captured.getErr()).contains(LogPipelineAppender.SUMMARY_PREFIX + "ASYNC stopped")
			.contains("INFO=" + pipeline.getDropped(Level.INFO));
		context.stop();
	}

}
