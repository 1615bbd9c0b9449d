package io.github.structuredlogging.async;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogPipelineHealthIndicatorTests {

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final TestOutputStream output = new TestOutputStream(OutputStream.nullOutputStream(),
			TimeUnit.MILLISECONDS.toNanos(1));

	private final LogPipelineAppender pipeline = new LogPipelineAppender();

	private final LogPipelineHealthIndicator indicator = new LogPipelineHealthIndicator(this.context, 0.01,
			Duration.ofMinutes(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void isUpAndNotDegradedWhileEventsAreWritten() {
		start();
		this.context.getLogger("health").info("fine");
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(details(health)).containsEntry("consumer", ConsumerState.RUNNING)
			.containsEntry("degraded", false)
			.containsEntry("queueCapacity", 16);
	}

	@Test
	void isDegradedWhenTheRecentDropRatioExceedsTheThreshold() {
		start();
		Logger logger = this.context.getLogger("health");
		for (int i = 0; i < 200; i++) {
			logger.info("burst");
		}
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(details(health)).containsEntry("degraded", true);
		assertThat((double) details(health).get("recentDropRatio")).isGreaterThan(0.01);
	}

	@Test
	void isDegradedWhileAnOutputFails() {
		start();
		this.output.breakDown();
		this.context.getLogger("health").warn("lost disk");
		await().until(() -> this.pipeline.getConsumerState() == ConsumerState.OUTPUT_FAILING);
		assertThat(details(this.indicator.health())).containsEntry("consumer", ConsumerState.OUTPUT_FAILING)
			.containsEntry("degraded", true);
	}

	@Test
	void isDownWhenAnAttachedPipelineNoLongerWrites() {
		start();
		this.pipeline.stop();
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(details(health)).containsEntry("consumer", ConsumerState.STOPPED);
	}

	private void start() {
		this.pipeline.setContext(this.context);
		this.pipeline.setQueueSize(16);
		this.pipeline.addAppender(PipelineTestSupport.output(this.context, "SLOW", this.output));
		this.pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.pipeline);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health) {
		return (Map<String, Object>) health.getDetails().get(LogPipelineAppender.DEFAULT_NAME);
	}

}
