package io.github.structuredlogging.validation;

import java.util.List;

import io.github.structuredlogging.destination.TypeSettingsRequired;
import io.github.structuredlogging.destination.TypeSettingsRequiredValidator;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets Hibernate Validator use this project's constraints in a native image: it instantiates each
 * {@code ConstraintValidator} reflectively, and reads each constraint annotation's attributes ({@code message},
 * {@code groups}, {@code payload}) through reflection on the annotation type.
 */
class ValidationRuntimeHints implements RuntimeHintsRegistrar {

	static final List<Class<?>> VALIDATORS = List.of(PowerOfTwoValidator.class, RateValidator.class,
			ValidRegexValidator.class, MinDataSizeValidator.class, TypeSettingsRequiredValidator.class);

	static final List<Class<?>> CONSTRAINTS = List.of(PowerOfTwo.class, Rate.class, ValidRegex.class,
			MinDataSize.class, TypeSettingsRequired.class);

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		VALIDATORS.forEach((validator) -> hints.reflection()
			.registerType(validator, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS));
		CONSTRAINTS.forEach((constraint) -> hints.reflection()
			.registerType(constraint, MemberCategory.INVOKE_PUBLIC_METHODS));
	}

}
