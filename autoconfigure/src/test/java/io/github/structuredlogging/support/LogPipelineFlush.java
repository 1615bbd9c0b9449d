package io.github.structuredlogging.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelineListener;
import io.github.structuredlogging.async.LogPipelines;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the asynchronous log pipeline has written and flushed everything logged so far, so that a test reads
 * complete output instead of racing the writer thread.
 */
public final class LogPipelineFlush {

	/** Logger of the marker event that forces a batch; tests never see its events. */
	public static final String MARKER_LOGGER = "io.github.structuredlogging.test.flush";

	private LogPipelineFlush() {
	}

	public static void awaitWritten() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		List<LogPipelineAppender> pipelines = LogPipelines.find(context)
			.stream()
			.filter(LogPipelineAppender::isStarted)
			.toList();
		for (LogPipelineAppender pipeline : pipelines) {
			awaitWritten(pipeline);
		}
	}

	/**
	 * A batch that ends with nothing in flight has flushed every event accepted before it ended; the marker makes
	 * sure such a batch happens after this call.
	 */
	private static void awaitWritten(LogPipelineAppender pipeline) {
		AtomicBoolean drained = new AtomicBoolean();
		LogPipelineListener listener = new LogPipelineListener() {

			@Override
			public void batchWritten(LogPipelineAppender source, long batchSize, long flushNanos) {
				if (source.getInFlight() == 0) {
					drained.set(true);
				}
			}

		};
		pipeline.addListener(listener);
		try {
			LoggerFactory.getLogger(MARKER_LOGGER).info("flush");
			// Polled closely: property tests flush after every case, and Awaitility's default 100 ms would dominate.
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.atMost(Duration.ofSeconds(20))
				.untilTrue(drained);
		}
		finally {
			pipeline.removeListener(listener);
		}
	}

}
