package io.github.structuredlogging.async;

/**
 * SLF4J's {@code {}} placeholders filled in, character for character as {@code MessageFormatter.arrayFormat} fills
 * them (a {@code \} before a placeholder escapes it, a doubled one escapes itself), but into a buffer the caller
 * owns, and with {@code Integer} and {@code Long} arguments appended as digits rather than through a string of
 * their own. Arguments whose text SLF4J writes in a way of its own (arrays, and objects whose {@code toString}
 * fails) are left to SLF4J.
 */
final class MessagePatterns {

	private static final String PLACEHOLDER = "{}";

	private static final char ESCAPE = '\\';

	private MessagePatterns() {
	}

	/**
	 * Appends the pattern with its placeholders filled in by the arguments, in order; placeholders beyond the
	 * arguments stay as they are, arguments beyond the placeholders are left out.
	 * @param text where the message is appended
	 * @param pattern the message pattern
	 * @param arguments the arguments
	 * @return {@code false} if an argument must be formatted by SLF4J, in which case the text holds a part only
	 */
	static boolean formatInto(StringBuilder text, String pattern, Object[] arguments) {
		int from = 0;
		for (int argument = 0; argument < arguments.length; argument++) {
			int placeholder = pattern.indexOf(PLACEHOLDER, from);
			if (placeholder == -1) {
				break;
			}
			if (isEscaped(pattern, placeholder) && !isEscaped(pattern, placeholder - 1)) {
				text.append(pattern, from, placeholder - 1).append('{');
				from = placeholder + 1;
				argument--;
				continue;
			}
			int end = isEscaped(pattern, placeholder) ? placeholder - 1 : placeholder;
			text.append(pattern, from, end);
			if (!append(text, arguments[argument])) {
				return false;
			}
			from = placeholder + 2;
		}
		text.append(pattern, from, pattern.length());
		return true;
	}

	private static boolean isEscaped(String pattern, int index) {
		return index > 0 && pattern.charAt(index - 1) == ESCAPE;
	}

	private static boolean append(StringBuilder text, Object argument) {
		if (argument instanceof String string) {
			text.append(string);
		}
		else if (argument instanceof Long number) {
			text.append(number.longValue());
		}
		else if (argument instanceof Integer number) {
			text.append(number.intValue());
		}
		else if (argument == null) {
			text.append("null");
		}
		else if (argument.getClass().isArray()) {
			return false;
		}
		else {
			try {
				text.append(argument.toString());
			}
			catch (Throwable ex) {
				// SLF4J catches whatever toString throws, writes "[FAILED toString()]" and reports it: left to it.
				return false;
			}
		}
		return true;
	}

}
