package io.github.structuredlogging.masking;

import java.math.BigInteger;

/**
 * What a value holds that a built-in pattern needs. Most values hold none of it, and are then passed by every
 * built-in pattern without running one: that is what keeps default masking cheap. A {@link FirstPass} proves most
 * values featureless (fewer than 13 digits, no 20-character token, none of {@code = : @ % \ J}, no "bearer" or
 * "basic" before a space); only the others are scanned for which features they have.
 */
final class TextFeatures {

	/** At least 13 digits in a run, with up to three {@link CardSeparators} between any two. */
	static final int LONG_DIGIT_RUN = 1;

	/** An equals sign or a colon, also URL-encoded ({@code %3D}, {@code %3A}). */
	static final int ASSIGNMENT = 1 << 1;

	/** The word "bearer" or "basic", in any case, and a space after it, as the pattern that needs it has. */
	static final int AUTHORIZATION_SCHEME = 1 << 2;

	/** The text "eyJ", which every JSON Web Token starts with. */
	static final int JWT_PREFIX = 1 << 3;

	/** An at sign. */
	static final int AT_SIGN = 1 << 4;

	/**
	 * At least {@value #MIN_TOKEN_LENGTH} letters, digits, {@code _}, {@code +} or {@code /} in a row: every key,
	 * access key and base64 line of a private key has one, while words, UUIDs and ids rarely do.
	 */
	static final int LONG_TOKEN = 1 << 5;

	static final int MIN_TOKEN_LENGTH = 20;

	/** Features of values that are not text: none, except a long digit run for large whole numbers. */
	private static final int NONE = 0;

	private static final int MAX_SEPARATORS = 3;

	static final byte OTHER = 0;

	/** A letter or underscore, which no pattern is found by. */
	static final byte LETTER = 1;

	static final byte DIGIT = 2;

	/** A card separator that tokens never hold. */
	static final byte SEPARATOR = 3;

	/** A card separator that base64 tokens hold: {@code +} and {@code /}. */
	static final byte TOKEN_SEPARATOR = 4;

	/** A letter that may start a pattern's key word. */
	static final byte MARKER_LETTER = 5;

	/** A character that may start an escaped separator or an URL-encoded assignment: {@code %} and backslash. */
	static final byte ESCAPE = 6;

	/** Punctuation a pattern is found by: {@code =}, {@code :} and {@code @}. */
	static final byte MARKER = 7;

	private static final byte[] KINDS = kinds();

	private TextFeatures() {
	}

	static int of(Object value) {
		if (value instanceof String text) {
			return of(text);
		}
		if (value instanceof Long || value instanceof BigInteger) {
			return (value.toString().length() >= CardNumberValueMasker.MIN_DIGITS) ? LONG_DIGIT_RUN : NONE;
		}
		return NONE;
	}

	static int of(String text) {
		return mayHaveFeatures(text) ? scan(text) : NONE;
	}

	/**
	 * Whether a text may have a feature: {@code false} proves it has none, {@code true} asks for the full scan.
	 * @param text the text
	 * @return what the {@link FirstPass} finds
	 */
	static boolean mayHaveFeatures(String text) {
		return FirstPass.mayHaveFeatures(text);
	}

	/**
	 * Whether "bearer" or "basic" and a space start at a position, in any case of ASCII letters only: the pattern
	 * that needs them ({@link BuiltInPattern#BEARER_TOKEN}) matches case-insensitively in ASCII and wants a space
	 * ({@code \s}) next, so to it "Ba\u017Fic" (with a long s) is no scheme, nor is "Basic%20".
	 */
	static boolean isAuthorizationScheme(String text, int i) {
		return schemeEndsAt(text, i + 1, "earer") || schemeEndsAt(text, i + 1, "asic");
	}

	private static boolean schemeEndsAt(String text, int from, String lowerCaseRest) {
		int end = from + lowerCaseRest.length();
		if (end >= text.length() || !isRegexSpace(text.charAt(end))) {
			return false;
		}
		for (int i = 0; i < lowerCaseRest.length(); i++) {
			// Only 'A'-'Z' and 'a'-'z' map onto a lower-case letter when bit 0x20 is set.
			if ((text.charAt(from + i) | 0x20) != lowerCaseRest.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a character is one a regex's {@code \s} matches: space, tab, line feed, vertical tab, form feed and
	 * carriage return.
	 */
	static boolean isRegexSpace(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}

	/**
	 * Finds the features of a text in one pass, following digit runs across card separators and escapes.
	 */
	static int scan(String text) {
		int features = 0;
		int digits = 0;
		int separators = 0;
		int token = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			int kind = (c < KINDS.length) ? KINDS[c] : wideKind(c);
			switch (kind) {
				case DIGIT -> {
					token++;
					separators = 0;
					if (++digits >= CardNumberValueMasker.MIN_DIGITS) {
						features |= LONG_DIGIT_RUN;
					}
				}
				case LETTER, MARKER_LETTER -> {
					token++;
					digits = 0;
					separators = 0;
					if (kind == MARKER_LETTER) {
						features |= feature(text, i, c);
					}
				}
				case SEPARATOR, TOKEN_SEPARATOR -> {
					token = (kind == TOKEN_SEPARATOR) ? token + 1 : 0;
					if (digits == 0 || ++separators > MAX_SEPARATORS) {
						digits = 0;
						separators = 0;
					}
				}
				case ESCAPE -> {
					features |= feature(text, i, c);
					token = 0;
					int separator = CardSeparators.tokenLength(text, i);
					if (separator > 0 && digits > 0 && ++separators <= MAX_SEPARATORS) {
						i += separator - 1;
					}
					else {
						digits = 0;
						separators = 0;
					}
				}
				default -> {
					if (kind == MARKER) {
						features |= feature(text, i, c);
					}
					token = 0;
					digits = 0;
					separators = 0;
				}
			}
			if (token >= MIN_TOKEN_LENGTH) {
				features |= LONG_TOKEN;
			}
		}
		return features;
	}

	private static int wideKind(char c) {
		return (c == '\u00A0' || c == '\u2007' || c == '\u202F') ? SEPARATOR : OTHER;
	}

	private static int feature(String text, int i, char c) {
		switch (c) {
			case '=', ':':
				return ASSIGNMENT;
			case '%':
				return (text.regionMatches(true, i + 1, "3D", 0, 2) || text.regionMatches(true, i + 1, "3A", 0, 2))
						? ASSIGNMENT : 0;
			case '@':
				return AT_SIGN;
			case 'b', 'B':
				return isAuthorizationScheme(text, i) ? AUTHORIZATION_SCHEME : 0;
			case 'e':
				return (i + 2 < text.length() && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J') ? JWT_PREFIX
						: 0;
			default:
				return 0;
		}
	}

	/**
	 * Sorts ASCII characters by what the scan does with them, so that the common case (a letter no pattern starts
	 * with) costs one table lookup.
	 */
	private static byte[] kinds() {
		byte[] kinds = new byte[128];
		for (char c = 'a'; c <= 'z'; c++) {
			kinds[c] = LETTER;
			kinds[Character.toUpperCase(c)] = LETTER;
		}
		kinds['_'] = LETTER;
		for (char c = '0'; c <= '9'; c++) {
			kinds[c] = DIGIT;
		}
		for (char c : new char[] { ' ', '\t', '-', '.' }) {
			kinds[c] = SEPARATOR;
		}
		kinds['+'] = TOKEN_SEPARATOR;
		kinds['/'] = TOKEN_SEPARATOR;
		for (char c : new char[] { 'b', 'B', 'e' }) {
			kinds[c] = MARKER_LETTER;
		}
		kinds['%'] = ESCAPE;
		kinds['\\'] = ESCAPE;
		for (char c : new char[] { '=', ':', '@' }) {
			kinds[c] = MARKER;
		}
		return kinds;
	}

	/**
	 * What the scan does with an ASCII character.
	 * @param c a character below 128
	 * @return one of the kinds, such as {@link #DIGIT}
	 */
	static byte kind(char c) {
		return KINDS[c];
	}

}
