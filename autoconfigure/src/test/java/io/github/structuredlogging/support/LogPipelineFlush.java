package io.github.structuredlogging.support;

import java.time.Duration;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits until the asynchronous log pipeline has written and flushed everything logged so far, so that a test reads
 * complete output instead of racing the writer thread.
 */
public final class LogPipelineFlush {

	private LogPipelineFlush() {
	}

	public static void awaitWritten() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (LogPipelineAppender pipeline : LogPipelines.find(context)) {
			assertThat(pipeline.awaitFlushed(Duration.ofSeconds(20))).as("log pipeline flushed").isTrue();
		}
	}

}
