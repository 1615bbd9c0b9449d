package io.github.structuredlogging.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PowerOfTwo}.
 */
public class PowerOfTwoValidator implements ConstraintValidator<PowerOfTwo, Number> {

	@Override
	public boolean isValid(Number value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		long number = value.longValue();
		return number > 0 && Long.bitCount(number) == 1;
	}

}
