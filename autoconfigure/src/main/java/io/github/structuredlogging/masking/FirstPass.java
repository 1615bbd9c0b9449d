package io.github.structuredlogging.masking;

/**
 * The first pass of {@link TextFeatures}, which every value the masking sees takes: it proves most values
 * featureless, so that no pattern and no full scan runs on them. Every feature needs one of what it looks for: 13
 * digits not parted by a letter or punctuation other than a card separator, a token of 20 characters (counted as the
 * full scan counts them), a marker character ({@code =}, {@code :}, {@code @}, the {@code %} of an URL-encoded
 * assignment, backslash, the {@code J} of {@code eyJ}), or "ba" or "be" (as in "basic" and "bearer") in a text
 * that holds a space. Characters beyond ASCII count as card separators, which can only send more text on.
 * <p>
 * It costs one table lookup, an {@code and} and two additions per character, with no branch on the character
 * (values are mostly letters and digits, in no order a predictor could learn) and nothing carried from one character
 * to the next but one {@code long} of counters: the state. Per character, the state is masked with what the
 * character keeps of it ({@link #KEEP}), then what the character counts is added ({@link #ADD}). Each counter then
 * has a threshold at which its field in {@code state + THRESHOLDS} shows a bit that the pass collects. A counter
 * that overflows carries into the field above it, which can only send more text on: the text has already reached
 * the overflowing counter's threshold.
 */
final class FirstPass {

	/** Digits in the current run of digits and card separators. */
	private static final long DIGITS = 0xFFFFL;

	private static final int TOKEN_SHIFT = 16;

	/** Characters in the current run of token characters. */
	private static final long TOKEN = 0xFFFFL << TOKEN_SHIFT;

	private static final int MARKER_SHIFT = 32;

	/** Marker characters in the text: one is enough. */
	private static final long MARKERS = 0xFFFFL << MARKER_SHIFT;

	private static final int SCHEME_SHIFT = 48;

	/**
	 * Three bits: {@code 001} right after a "b", {@code 011} right after "ba" or "be" (either case), {@code 000} or
	 * {@code 010} otherwise. A "b" sets {@code 001}; an "a" or "e" keeps the low bit and adds {@code 010}; any other
	 * character clears the field.
	 */
	private static final long SCHEME = 0b111L << SCHEME_SHIFT;

	private static final int SPACE_SHIFT = 51;

	/** Characters a regex's {@code \s} matches in the text, which a scheme needs after it. */
	private static final long SPACES = -1L << SPACE_SHIFT;

	/** What every character keeps: the counts of the whole text. */
	private static final long TEXT_COUNTS = MARKERS | SPACES;

	/** What a character beyond ASCII keeps: it continues a digit run, and ends a token and a scheme. */
	private static final long KEEP_WIDE = DIGITS | TEXT_COUNTS;

	/**
	 * Added to the state before it is collected, so that a digit run reaching 13 digits and a token reaching 20
	 * characters show bit 5 of their field (32 = 13 + 19 = 20 + 12), and a scheme field of {@code 011} shows its
	 * top bit.
	 */
	private static final long THRESHOLDS = (32 - CardNumberValueMasker.MIN_DIGITS)
			| ((32L - TextFeatures.MIN_TOKEN_LENGTH) << TOKEN_SHIFT) | (1L << SCHEME_SHIFT);

	/** The bits of a collected state that send a text on by themselves. */
	private static final long FEATURE = (DIGITS & ~31L) | (TOKEN & ~(31L << TOKEN_SHIFT)) | MARKERS;

	/** The bit of a collected state that shows "ba" or "be". */
	private static final long SCHEME_START = 0b100L << SCHEME_SHIFT;

	private static final long[] KEEP = new long[128];

	private static final long[] ADD = new long[128];

	static {
		for (char c = 0; c < KEEP.length; c++) {
			byte kind = TextFeatures.kind(c);
			long keep = TEXT_COUNTS;
			long add = 0;
			if (kind == TextFeatures.DIGIT) {
				add += 1;
			}
			if (kind == TextFeatures.DIGIT || kind == TextFeatures.SEPARATOR
					|| kind == TextFeatures.TOKEN_SEPARATOR) {
				keep |= DIGITS;
			}
			if (kind == TextFeatures.DIGIT || kind == TextFeatures.LETTER || kind == TextFeatures.MARKER_LETTER
					|| kind == TextFeatures.TOKEN_SEPARATOR) {
				keep |= TOKEN;
				add += 1L << TOKEN_SHIFT;
			}
			if (kind == TextFeatures.MARKER || kind == TextFeatures.ESCAPE || c == 'J') {
				add += 1L << MARKER_SHIFT;
			}
			if (c == 'b' || c == 'B') {
				add += 1L << SCHEME_SHIFT;
			}
			if (c == 'a' || c == 'A' || c == 'e' || c == 'E') {
				keep |= 1L << SCHEME_SHIFT;
				add += 0b10L << SCHEME_SHIFT;
			}
			if (TextFeatures.isRegexSpace(c)) {
				add += 1L << SPACE_SHIFT;
			}
			KEEP[c] = keep;
			ADD[c] = add;
		}
	}

	private FirstPass() {
	}

	/**
	 * Whether a text may have a feature.
	 * @param text the text
	 * @return {@code false} only when the text has none; {@code true} asks for the full scan
	 */
	static boolean mayHaveFeatures(String text) {
		long state = 0;
		long collected = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			state = (c < KEEP.length) ? (state & KEEP[c]) + ADD[c] : state & KEEP_WIDE;
			collected |= state + THRESHOLDS;
		}
		return (collected & FEATURE) != 0
				|| ((collected & SCHEME_START) != 0 && (collected & SPACES) != 0 && hasAuthorizationScheme(text));
	}

	private static boolean hasAuthorizationScheme(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == 'b' || c == 'B') && TextFeatures.isAuthorizationScheme(text, i)) {
				return true;
			}
		}
		return false;
	}

}
