package io.github.structuredlogging.async;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning a full queue raises: at the first drop, then at most once per interval, and again once the interval
 * has passed and drops go on.
 */
class LogPipelineDropWarningTests {

	private static final int QUEUE_SIZE = 64;

	private static final Duration INTERVAL = Duration.ofMillis(300);

	private final CountDownLatch release = new CountDownLatch(1);

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final LogPipelineAppender pipeline = new LogPipelineAppender();

	@AfterEach
	void stop() {
		this.release.countDown();
		this.pipeline.stop();
		this.context.stop();
	}

	@Test
	void warnsAtTheFirstDropThenOncePerIntervalWhileDropsGoOn() throws Exception {
		this.pipeline.setContext(this.context);
		this.pipeline.setQueueSize(QUEUE_SIZE);
		this.pipeline.setDropWarningInterval(INTERVAL);
		this.pipeline.addAppender(PipelineTestSupport.output(this.context, "STUCK", new StuckStream()));
		this.pipeline.start();
		Logger logger = this.context.getLogger("drops");
		logger.setLevel(Level.INFO);
		logger.addAppender(this.pipeline);
		logger.setAdditive(false);

		// The writer's batch holds its slot until the stuck write returns, so these fill the queue exactly.
		logger.info("stuck");
		for (int i = 0; i < QUEUE_SIZE - 1; i++) {
			logger.info("queued {}", i);
		}
		assertThat(this.pipeline.getDropped(Level.INFO)).as("dropped before the queue was full").isZero();
		assertThat(warnings()).as("warnings before any drop").isZero();

		logger.info("first drop");
		assertThat(this.pipeline.getDropped(Level.INFO)).isEqualTo(1);
		assertThat(warnings()).as("warnings at the first drop").isEqualTo(1);

		for (int i = 0; i < 1000; i++) {
			logger.info("dropped within the interval {}", i);
		}
		assertThat(warnings()).as("warnings within the interval").isEqualTo(1);

		TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis() + 100);
		logger.info("dropped after the interval");
		assertThat(warnings()).as("warnings at the first drop once the interval passed").isEqualTo(2);
		logger.info("dropped right after the second warning");
		assertThat(warnings()).as("warnings right after the second").isEqualTo(2);
		assertThat(this.pipeline.getDropped(Level.INFO)).isEqualTo(1 + 1000 + 2);
	}

	private long warnings() {
		return this.context.getStatusManager()
			.getCopyOfStatusList()
			.stream()
			.filter((status) -> status.getLevel() == Status.WARN)
			.filter((status) -> status.getMessage().startsWith("Queue of log pipeline"))
			.count();
	}

	/** A disk that hangs until the test ends. */
	private final class StuckStream extends OutputStream {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				LogPipelineDropWarningTests.this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

	}

}
