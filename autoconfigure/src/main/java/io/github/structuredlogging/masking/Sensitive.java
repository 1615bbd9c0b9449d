package io.github.structuredlogging.masking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component, field or getter whose value is masked whenever the object is written into a log event
 * (as a key/value, a business event or a nested value), whatever the field is called. It has no effect on any other
 * JSON the application writes, such as HTTP responses: only the log encoder knows it.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Sensitive {

}
