package io.github.structuredlogging.async;

/**
 * Notified of what the log pipeline does, for metrics and diagnostics. All methods have empty defaults; they are
 * called on the pipeline's writer thread (or on a caller's thread for caller-side writes), so they must be quick,
 * and a listener that throws is reported through Logback's status and otherwise ignored.
 */
public interface LogPipelineListener {

	/**
	 * The pipeline started and accepts events.
	 * @param pipeline the pipeline
	 */
	default void pipelineStarted(LogPipelineAppender pipeline) {
	}

	/**
	 * The pipeline drained and stopped.
	 * @param pipeline the pipeline
	 */
	default void pipelineStopped(LogPipelineAppender pipeline) {
	}

	/**
	 * The writer thread handled one batch and flushed the outputs once for it.
	 * @param pipeline the pipeline
	 * @param batchSize events taken from the queue in the batch
	 * @param flushNanos time spent flushing the outputs at the end of the batch
	 */
	default void batchWritten(LogPipelineAppender pipeline, long batchSize, long flushNanos) {
	}

	/**
	 * An output failed; the pipeline retries it periodically.
	 * @param pipeline the pipeline
	 * @param cause what went wrong
	 */
	default void outputFailed(LogPipelineAppender pipeline, Throwable cause) {
	}

	/**
	 * The outputs work again after a failure.
	 * @param pipeline the pipeline
	 */
	default void outputRecovered(LogPipelineAppender pipeline) {
	}

}
