package io.github.structuredlogging.masking;

import java.math.BigInteger;

/**
 * What a value holds that a built-in pattern needs, found in one scan. Most values hold none of it, and are then
 * passed by every built-in pattern without running one: that single scan per value is what keeps default masking
 * cheap.
 */
final class TextFeatures {

	/** At least 13 digits in a run, separated by single spaces or dashes at most. */
	static final int LONG_DIGIT_RUN = 1;

	/** An equals sign or a colon. */
	static final int ASSIGNMENT = 1 << 1;

	/** The word "bearer" or "basic", in any case. */
	static final int AUTHORIZATION_SCHEME = 1 << 2;

	/** The text "eyJ", which every JSON Web Token starts with. */
	static final int JWT_PREFIX = 1 << 3;

	/** An at sign. */
	static final int AT_SIGN = 1 << 4;

	/** Features of values that are not text: none, except a long digit run for large whole numbers. */
	private static final int NONE = 0;

	private static final int MIN_CARD_DIGITS = 13;

	private static final byte OTHER = 0;

	private static final byte DIGIT = 1;

	private static final byte SEPARATOR = 2;

	private static final byte MARKER = 3;

	private static final byte[] KINDS = kinds();

	private TextFeatures() {
	}

	static int of(Object value) {
		if (value instanceof String text) {
			return of(text);
		}
		if (value instanceof Long || value instanceof BigInteger) {
			return (value.toString().length() >= MIN_CARD_DIGITS) ? LONG_DIGIT_RUN : NONE;
		}
		return NONE;
	}

	static int of(String text) {
		int features = 0;
		int digits = 0;
		boolean afterDigit = false;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			int kind = (c < KINDS.length) ? KINDS[c] : OTHER;
			if (kind == OTHER) {
				digits = 0;
				afterDigit = false;
				continue;
			}
			if (kind == DIGIT) {
				if (++digits >= MIN_CARD_DIGITS) {
					features |= LONG_DIGIT_RUN;
				}
				afterDigit = true;
				continue;
			}
			if (kind == SEPARATOR && afterDigit) {
				afterDigit = false;
				continue;
			}
			digits = 0;
			afterDigit = false;
			features |= feature(text, i, c);
		}
		return features;
	}

	private static int feature(String text, int i, char c) {
		switch (c) {
			case '=', ':':
				return ASSIGNMENT;
			case '@':
				return AT_SIGN;
			case 'b', 'B':
				return (text.regionMatches(true, i + 1, "earer", 0, 5) || text.regionMatches(true, i + 1, "asic", 0, 4))
						? AUTHORIZATION_SCHEME : 0;
			case 'e':
				return (i + 2 < text.length() && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J') ? JWT_PREFIX
						: 0;
			default:
				return 0;
		}
	}

	/**
	 * Sorts ASCII characters by what the scan does with them, so that the common case (a letter or punctuation no
	 * pattern starts with) costs one table lookup.
	 */
	private static byte[] kinds() {
		byte[] kinds = new byte[128];
		for (char c = '0'; c <= '9'; c++) {
			kinds[c] = DIGIT;
		}
		kinds[' '] = SEPARATOR;
		kinds['-'] = SEPARATOR;
		for (char c : new char[] { '=', ':', '@', 'b', 'B', 'e' }) {
			kinds[c] = MARKER;
		}
		return kinds;
	}

}
