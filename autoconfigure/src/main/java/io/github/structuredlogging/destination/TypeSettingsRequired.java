package io.github.structuredlogging.destination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A destination has the settings its type cannot do without, reported on the missing property itself (such as
 * {@code file.path} of a {@code file} destination), so that the refusal names what to set.
 */
@Documented
@Constraint(validatedBy = TypeSettingsRequiredValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TypeSettingsRequired {

	String message() default "must be set for this type of destination";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
