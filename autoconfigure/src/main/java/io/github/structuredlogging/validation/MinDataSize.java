package io.github.structuredlogging.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated {@link org.springframework.util.unit.DataSize} must be at least the given number of bytes:
 * {@code DataSize} parses {@code -1MB} as readily as {@code 1MB}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = MinDataSizeValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MinDataSize {

	/**
	 * The least size allowed.
	 * @return the size in bytes
	 */
	long value();

	String message() default "must be at least {value} bytes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
