package io.github.structuredlogging.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.util.unit.DataSize;

/**
 * Checks {@link MinDataSize}.
 */
public class MinDataSizeValidator implements ConstraintValidator<MinDataSize, DataSize> {

	private long min;

	@Override
	public void initialize(MinDataSize constraint) {
		this.min = constraint.value();
	}

	@Override
	public boolean isValid(DataSize value, ConstraintValidatorContext context) {
		return value == null || value.toBytes() >= this.min;
	}

}
