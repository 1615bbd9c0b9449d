package io.github.structuredlogging.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string must be a {@link java.util.regex.Pattern regular expression} that compiles; the reported
 * message says where it does not. Works on container elements too ({@code List<@ValidRegex String>}). {@code null}
 * is valid.
 */
@Documented
@Constraint(validatedBy = ValidRegexValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidRegex {

	String message() default "must be a regular expression that compiles";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
