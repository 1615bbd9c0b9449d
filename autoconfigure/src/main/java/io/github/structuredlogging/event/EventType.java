package io.github.structuredlogging.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event type of a record logged with {@link BusinessEventLogger#log(Record)}, in place of the record's simple
 * name in snake_case.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventType {

	/**
	 * The event type.
	 * @return the event type
	 */
	String value();

}
