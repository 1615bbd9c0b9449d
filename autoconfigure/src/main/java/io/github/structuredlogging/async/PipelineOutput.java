package io.github.structuredlogging.async;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * One output behind the pipeline, written by the writer thread (and, for events that are never dropped, by a
 * caller's thread when the queue is full, so implementations accept concurrent writes). Either a Logback appender
 * ({@link AppenderOutput}) or a destination with a buffer of its own
 * ({@link io.github.structuredlogging.destination.DestinationOutput}).
 */
public interface PipelineOutput {

	/**
	 * The output's name, as shown by the endpoint.
	 * @return the name
	 */
	String name();

	/**
	 * Whether the output takes the event at all; one that no output takes is counted as filtered.
	 * @param event the event
	 * @return {@code false} when the output's own level or filters refuse it
	 */
	boolean accepts(ILoggingEvent event);

	/**
	 * Whether the output buffers and retries on its own, so that its failures never reach the pipeline and it keeps
	 * taking events while other outputs fail and the pipeline holds back from them.
	 * @return {@code true} for a destination with a buffer of its own
	 */
	default boolean buffersOnItsOwn() {
		return false;
	}

	/**
	 * Told of an event the pipeline wrote to other outputs but that {@link #accepts} refused, for an output that
	 * keeps accounts of its own.
	 * @param event the event
	 */
	default void refused(ILoggingEvent event) {
	}

	/**
	 * Writes the event.
	 * @param event the event
	 * @return {@code null} when the event reached the output, otherwise why it did not
	 */
	Throwable write(ILoggingEvent event);

	/**
	 * Flushes the events written since the last flush, once per batch.
	 * @return {@code null} on success, otherwise the failure
	 */
	Throwable flush();

	/**
	 * Makes a failed output ready for the next attempt.
	 */
	void restartIfStopped();

	/**
	 * Stops the output when the pipeline stops, after the pipeline's own drain.
	 */
	void stop();

}
