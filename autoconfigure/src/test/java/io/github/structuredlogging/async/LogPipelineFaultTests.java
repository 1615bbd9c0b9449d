package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import io.github.structuredlogging.support.JsonLogLines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An output that throws for a while ("disk full") and then works again.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPipelineFaultTests {

	private static final int EVENTS = 100;

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final ByteArrayOutputStream file = new ByteArrayOutputStream();

	private final TestOutputStream output = new TestOutputStream(this.file, 0);

	private final LogPipelineAppender pipeline = new LogPipelineAppender();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Logger logger = this.context.getLogger("fault");

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void keepsWarningsOnStderrWhileTheOutputFailsAndResumesWritingWhenItRecovers(CapturedOutput captured) {
		startPipeline();
		this.logger.info("before");
		await().until(() -> written().withMessage("before").size() == 1);

		this.output.breakDown();
		for (int seq = 0; seq < EVENTS; seq++) {
			this.logger.atWarn().addKeyValue("seq", seq).log("during");
			this.logger.atInfo().addKeyValue("seq", seq).log("during");
		}
		await().until(() -> this.pipeline.getInFlight() == 0);

		assertThat(this.pipeline.getConsumerState()).isEqualTo(ConsumerState.OUTPUT_FAILING);
		JsonLogLines stderr = JsonLogLines.parse(captured.getErr());
		assertThat(stderr.where((event) -> "during".equals(event.get("message").asString())
				&& "WARN".equals(event.get("level").asString())).stream().map((event) -> event.get("seq").asInt()))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).boxed().toList());
		assertThat(this.registry.get("logging.events.fallback").tag("level", "warn").functionCounter().count())
			.isEqualTo(EVENTS);
		assertThat(this.registry.get("logging.events.dropped").tag("level", "info").functionCounter().count())
			.isEqualTo(EVENTS);
		assertThat(this.registry.get("logging.async.output.failures").functionCounter().count()).isPositive();
		assertThat(this.context.getStatusManager().getCopyOfStatusList()).anySatisfy((status) -> {
			assertThat(status.getLevel()).isEqualTo(Status.ERROR);
			assertThat(status.getMessage()).startsWith("Output of log pipeline 'ASYNC' failed");
		});

		this.output.repair();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.logger.info("probe");
			return this.pipeline.getConsumerState() == ConsumerState.RUNNING;
		});
		this.logger.warn("after");
		this.logger.info("after");
		await().until(() -> written().withMessage("after").size() == 2);
		assertThat(JsonLogLines.parse(captured.getErr()).withMessage("after")).isEmpty();
		assertThat(this.pipeline.getFallback(Level.WARN)).isEqualTo(EVENTS);
		for (Level level : LevelCounters.LEVELS) {
			assertThat(this.pipeline.getWritten(level) + this.pipeline.getDropped(level))
				.isEqualTo(this.pipeline.getAccepted(level));
		}
	}

	@Test
	void reportsTheConsumerStoppedOnceThePipelineIsStopped() {
		startPipeline();
		assertThat(this.pipeline.getConsumerState()).isEqualTo(ConsumerState.RUNNING);
		this.pipeline.stop();
		assertThat(this.pipeline.getConsumerState()).isEqualTo(ConsumerState.STOPPED);
	}

	private void startPipeline() {
		this.pipeline.setContext(this.context);
		this.pipeline.setQueueSize(256);
		this.pipeline.setRetryInterval(Duration.ofMillis(50));
		this.pipeline.addAppender(PipelineTestSupport.output(this.context, "FILE", this.output));
		this.pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.pipeline);
		new LogPipelineMetrics(this.context).bindTo(this.registry);
	}

	private JsonLogLines written() {
		return JsonLogLines.parse(this.file.toString(StandardCharsets.UTF_8));
	}

}
