package io.github.structuredlogging.event;

/**
 * Turns Java names into the snake_case used for event types and JSON fields: {@code RoutineGenerated} becomes
 * {@code routine_generated}, {@code HTTPTimeout} becomes {@code http_timeout}, {@code userId} becomes
 * {@code user_id}.
 */
final class SnakeCase {

	private SnakeCase() {
	}

	static String of(String name) {
		StringBuilder result = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && startsWord(name, i)) {
					result.append('_');
				}
				result.append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	private static boolean startsWord(String name, int i) {
		char previous = name.charAt(i - 1);
		if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
			return true;
		}
		// The last capital of an acronym starts the next word: "HTTPTimeout" splits before the "T" of "Timeout".
		return Character.isUpperCase(previous) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
	}

}
