package io.github.structuredlogging.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * The event type of a record logged with {@link BusinessEventLogger#log(Record)}, in place of the record's simple
 * name in snake_case.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Event records are not beans: a native image finds them through @ReflectiveScan (see README).
@Reflective(BusinessEventReflectiveProcessor.class)
public @interface EventType {

	/**
	 * The event type.
	 * @return the event type
	 */
	String value();

}
