package io.github.structuredlogging.errors;

/**
 * Told of every ERROR event the {@link ErrorTracker} sees, on the thread that logged it; must be quick and must not
 * throw. Metrics plug in here.
 */
@FunctionalInterface
public interface ErrorListener {

	/**
	 * Called for one ERROR event.
	 * @param exceptionType the fully qualified class name of the logged throwable, or {@link ErrorTracker#NO_EXCEPTION}
	 * @param loggerName the name of the logger
	 */
	void onError(String exceptionType, String loggerName);

}
