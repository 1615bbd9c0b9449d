package io.github.structuredlogging.async;

/**
 * State of the single thread that drains the queue into the outputs.
 */
public enum ConsumerState {

	/** Draining, and the outputs accept what it writes. */
	RUNNING,

	/**
	 * Draining, but an output failed: events that must not be lost go to the fallback target, the others are
	 * dropped and counted, and the output is retried periodically.
	 */
	OUTPUT_FAILING,

	/** The thread has ended although the pipeline is started: queued events are no longer written. */
	DEAD,

	/** The pipeline is stopped. */
	STOPPED

}
