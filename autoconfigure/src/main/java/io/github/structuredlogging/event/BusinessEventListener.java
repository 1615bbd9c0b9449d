package io.github.structuredlogging.event;

/**
 * Told of every business event, whether or not its log line is written; how metrics count business activity.
 */
@FunctionalInterface
public interface BusinessEventListener {

	/**
	 * Called once per event, on the thread that logged it.
	 * @param type the event type
	 */
	void onEvent(String type);

}
