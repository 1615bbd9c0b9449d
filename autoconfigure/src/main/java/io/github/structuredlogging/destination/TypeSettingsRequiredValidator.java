package io.github.structuredlogging.destination;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link TypeSettingsRequired}: a {@code file} destination needs its {@code file.path}.
 */
public class TypeSettingsRequiredValidator implements ConstraintValidator<TypeSettingsRequired, DestinationProperties> {

	@Override
	public boolean isValid(DestinationProperties destination, ConstraintValidatorContext context) {
		if (destination == null || destination.getType() != DestinationType.FILE
				|| destination.getFile().getPath() != null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate("must be set for a destination of type file")
			.addPropertyNode("file")
			.addPropertyNode("path")
			.addConstraintViolation();
		return false;
	}

}
