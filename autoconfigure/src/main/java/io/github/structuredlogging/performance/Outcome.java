package io.github.structuredlogging.performance;

import java.util.Locale;

/**
 * How a measured call ended.
 */
public enum Outcome {

	/** Returned, or its asynchronous result completed, normally. */
	SUCCESS,

	/** Threw, or its asynchronous result failed. */
	FAILURE,

	/** Its {@code Mono} or {@code Flux} was cancelled before completing. */
	CANCELLED;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * The lowercase name used in log events and tags.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
