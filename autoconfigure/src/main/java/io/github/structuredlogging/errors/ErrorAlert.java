package io.github.structuredlogging.errors;

import java.time.Duration;
import java.time.Instant;

/**
 * An error threshold reached within its window.
 *
 * @param key what was counted: {@link ErrorTracker#ALL_ERRORS} or an exception type with a threshold of its own
 * @param count the number of ERROR events within the window when the alert was raised
 * @param threshold the threshold reached
 * @param window the length of the window
 * @param firstErrorAt when the first of the counted events happened
 * @param raisedAt when the alert was raised, by the tracker's clock
 */
public record ErrorAlert(String key, int count, int threshold, Duration window, Instant firstErrorAt,
		Instant raisedAt) {

	/**
	 * Until when no further alert is raised for the same key.
	 * @return the end of the alert's window
	 */
	public Instant activeUntil() {
		return this.raisedAt.plus(this.window);
	}

}
