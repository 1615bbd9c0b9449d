package io.github.structuredlogging.validation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidRegex}, naming the syntax error in the message so the user need not compile the pattern
 * themselves to find it.
 */
public class ValidRegexValidator implements ConstraintValidator<ValidRegex, CharSequence> {

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		try {
			Pattern.compile(value.toString());
			return true;
		}
		catch (PatternSyntaxException ex) {
			context.disableDefaultConstraintViolation();
			String reason = ex.getDescription() + ((ex.getIndex() >= 0) ? " near index " + ex.getIndex() : "");
			context.buildConstraintViolationWithTemplate(
					escape(context.getDefaultConstraintMessageTemplate() + " (" + reason + ")"))
				.addConstraintViolation();
			return false;
		}
	}

	/**
	 * Message templates treat braces, dollar signs and backslashes as syntax; the user's pattern text must come
	 * through literally.
	 */
	private static String escape(String message) {
		StringBuilder escaped = new StringBuilder(message.length() + 8);
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if (c == '{' || c == '}' || c == '$' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
