package io.github.structuredlogging.masking;

/**
 * What people type between the digit groups of a card number: space, tab, non-breaking spaces, dash, dot, slash,
 * and the same in URL-encoded ({@code +}, {@code %20}, {@code %09}, {@code %2F}, {@code %C2%A0}) and JSON-escaped
 * ({@code \t}, {@code \}{@code u00a0}) text. Up to three of them may stand between two groups
 * ({@code 4111 - 1111}, doubled spaces).
 */
final class CardSeparators {

	private static final int MAX_PER_JOINT = 3;

	private static final String[] ESCAPED = { "%20", "%09", "%2F", "%C2%A0", "\\t", "\\u00a0", "\\u2007", "\\u202f" };

	private CardSeparators() {
	}

	/**
	 * The length of the separator that starts at a position.
	 * @param text the text
	 * @param i the position
	 * @return the number of characters of the separator, or {@code 0} when none starts there
	 */
	static int tokenLength(String text, int i) {
		char c = text.charAt(i);
		switch (c) {
			case ' ', '\t', '\u00A0', '\u2007', '\u202F', '-', '.', '/', '+':
				return 1;
			case '%', '\\':
				for (String escaped : ESCAPED) {
					if (text.regionMatches(true, i, escaped, 0, escaped.length())) {
						return escaped.length();
					}
				}
				return 0;
			default:
				return 0;
		}
	}

	/**
	 * The length of an escaped character that starts at a position and is no separator: {@code %XX} in URL-encoded
	 * text, {@code \}{@code uXXXX} in JSON-escaped text. Its hex digits belong to no digit group.
	 * @param text the text
	 * @param i the position
	 * @return the number of characters of the escape, or {@code 0} when none starts there
	 */
	static int escapeLength(String text, int i) {
		char c = text.charAt(i);
		if (c == '%' && isHex(text, i + 1, 2)) {
			return 3;
		}
		if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && isHex(text, i + 2, 4)) {
			return 6;
		}
		return 0;
	}

	private static boolean isHex(String text, int from, int count) {
		if (from + count > text.length()) {
			return false;
		}
		for (int i = from; i < from + count; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the text between two digit groups joins them into one number.
	 * @param text the text
	 * @param from the end of the first group
	 * @param to the start of the second group
	 * @return whether one to three separators, and nothing else, stand between them
	 */
	static boolean isJoint(String text, int from, int to) {
		int separators = 0;
		int i = from;
		while (i < to) {
			int length = tokenLength(text, i);
			if (length == 0 || ++separators > MAX_PER_JOINT) {
				return false;
			}
			i += length;
		}
		return separators > 0 && i == to;
	}

}
