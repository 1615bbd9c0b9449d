package io.github.structuredlogging.async;

/**
 * What became of an event handed to the outputs.
 */
enum WriteOutcome {

	/** At least one output wrote it and none failed. */
	WRITTEN,

	/** Every output's own filters refused it. */
	FILTERED,

	/** An output failed. */
	FAILED

}
