package io.github.structuredlogging.format;

import java.util.function.BiConsumer;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Adds fields to every event, in every format: fixed values such as the region or the pod name, or values computed
 * from the event. Declare one as a bean and the starter hands it to the outputs once the application context is
 * refreshed; lines written before that (start-up) carry no contributed fields.
 * <p>
 * Contributed fields are written like the event's own key/values: under the format's convention (nested by dotted
 * name in {@code ecs}, {@code _}-prefixed in {@code gelf}, a column in {@code csv} only when
 * {@code structured-logging.format.csv.columns} names it), masked by the same rules and bounded by the same limits
 * (they count towards {@code structured-logging.limits.max-key-value-count}). A key/value or MDC entry of the event
 * with the same name wins over a contributed field.
 * <p>
 * A contributor is called once for each output that writes the event, on the thread that encodes it (with the
 * async pipeline, its writer thread, not the thread that logged): read what the event carries (its MDC, key/values,
 * level, logger), never thread-locals. It must be fast and must not block or log. A contributor that throws adds
 * nothing to that event; its first failure is reported as a Logback status error.
 */
@FunctionalInterface
public interface LogEventFieldContributor {

	/**
	 * Adds fields to an event.
	 * @param event the event being written (read it, never change it)
	 * @param fields receives each field by name and value: text, a number, a boolean, or an object written as the
	 * format writes a logged object
	 */
	void contribute(ILoggingEvent event, BiConsumer<String, Object> fields);

	/**
	 * A contributor that adds the same field to every event.
	 * @param name the field's name
	 * @param value the field's value
	 * @return the contributor
	 */
	static LogEventFieldContributor fixed(String name, Object value) {
		return (event, fields) -> fields.accept(name, value);
	}

}
