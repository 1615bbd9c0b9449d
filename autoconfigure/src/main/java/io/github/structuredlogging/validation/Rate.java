package io.github.structuredlogging.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated number must be a rate: a fraction from 0.0 to 1.0 inclusive (so not NaN). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = RateValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Rate {

	String message() default "must be a rate from 0.0 to 1.0 inclusive";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
