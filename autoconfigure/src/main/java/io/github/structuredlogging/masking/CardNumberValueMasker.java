package io.github.structuredlogging.masking;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Masks payment card numbers inside text and whole-number values: 13 to 19 digits, optionally grouped by spaces or
 * dashes, starting with a major industry digit of a card scheme (2 to 6) and passing the Luhn check. The checks
 * keep order ids, epoch timestamps and other long numbers readable: a random digit string passes both only one time
 * in twenty, and epoch timestamps never start with 2 to 6 before the year 2033.
 */
public final class CardNumberValueMasker implements ValueMasker {

	/**
	 * A run of digits that is not part of a longer token: never glued to a letter or digit, nor joined by a dash to
	 * one, so the all-digit groups of a UUID or a hex id are not read as a card number.
	 */
	private static final Pattern CANDIDATE = Pattern
		.compile("(?<![0-9A-Za-z_])(?<![0-9A-Za-z_]-)[2-6](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z_])(?!-[0-9A-Za-z_])");

	private static final int MIN_DIGITS = 13;

	private final String replacement;

	private final boolean keepLastFour;

	public CardNumberValueMasker(String replacement, boolean keepLastFour) {
		this.replacement = replacement;
		this.keepLastFour = keepLastFour;
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		if (value instanceof String text) {
			return maskText(text);
		}
		if (value instanceof Long || value instanceof BigInteger) {
			String digits = value.toString();
			return (digits.length() >= MIN_DIGITS && maskText(digits) != null) ? mask(digits) : null;
		}
		return null;
	}

	private String maskText(String text) {
		if (!hasEnoughDigits(text)) {
			return null;
		}
		Matcher matcher = CANDIDATE.matcher(text);
		StringBuilder masked = null;
		int copied = 0;
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			String digits = digitsOf(matcher.group());
			if (passesLuhn(digits)) {
				if (masked == null) {
					masked = new StringBuilder(text.length());
				}
				masked.append(text, copied, matcher.start()).append(mask(digits));
				copied = matcher.end();
				from = matcher.end();
			}
			else {
				// A candidate that fails may have swallowed the start of a real number ("id 2 4111 1111..."):
				// search again from its second character rather than after it.
				from = matcher.start() + 1;
			}
		}
		return (masked != null) ? masked.append(text, copied, text.length()).toString() : null;
	}

	private String mask(String digits) {
		return this.keepLastFour ? this.replacement + digits.substring(digits.length() - 4) : this.replacement;
	}

	/**
	 * Whether the text holds a run of at least 13 digits, separated by single spaces or dashes at most. Most values
	 * hold no such run (UUIDs have many digits, but in short runs between letters), and one scan rejects them
	 * instead of the pattern.
	 */
	private static boolean hasEnoughDigits(String text) {
		int digits = 0;
		boolean afterDigit = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits >= MIN_DIGITS) {
					return true;
				}
				afterDigit = true;
			}
			else if (afterDigit && (c == ' ' || c == '-')) {
				afterDigit = false;
			}
			else {
				digits = 0;
				afterDigit = false;
			}
		}
		return false;
	}

	private static String digitsOf(String candidate) {
		StringBuilder digits = new StringBuilder(candidate.length());
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		return digits.toString();
	}

	static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
