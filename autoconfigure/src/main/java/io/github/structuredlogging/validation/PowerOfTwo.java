package io.github.structuredlogging.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated {@code int} or {@code long} must be a positive power of two, as ring buffers that index with a bit
 * mask require. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PowerOfTwoValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PowerOfTwo {

	String message() default "must be a positive power of two (1, 2, 4, 8, ... 1024, 2048, ...)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
