package io.github.structuredlogging.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link Rate}.
 */
public class RateValidator implements ConstraintValidator<Rate, Number> {

	@Override
	public boolean isValid(Number value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		double rate = value.doubleValue();
		return rate >= 0.0 && rate <= 1.0;
	}

}
