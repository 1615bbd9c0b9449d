package io.github.structuredlogging.masking;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;

/**
 * The value patterns the starter knows by name, for {@code structured-logging.masking.patterns.<name>}. They are
 * applied in declaration order, each to the result of the one before: patterns that keep a key and mask its value
 * come before broader ones that could swallow the key ({@code Bearer password=...}).
 */
public enum BuiltInPattern {

	/** Luhn-checked payment card numbers, see {@link CardNumberValueMasker}. */
	CARD_NUMBER("card-number", true) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new CardNumberValueMasker(replacement, keepLastFourDigits);
		}
	},

	/** The value in {@code password=...}, {@code "secret": "..."}, {@code api_key: ...} and the like, in text. */
	PASSWORD_PAIR("password-pair", true) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|client[_-]?secret"
					+ "|api[_-]?key|(?:access[_-]?|refresh[_-]?)?token)\"?\\s*[=:]\\s*\"?(?<secret>[^\\s\"'&;,}]+)"),
					replacement, (text) -> text.indexOf('=') >= 0 || text.indexOf(':') >= 0);
		}
	},

	/** The credentials after {@code Bearer} or {@code Basic}, as in an Authorization header copied into text. */
	BEARER_TOKEN("bearer-token", true) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(
					Pattern.compile("(?i)\\b(?:bearer|basic)\\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)"), replacement,
					(text) -> containsIgnoreCase(text, "bearer") || containsIgnoreCase(text, "basic"));
		}
	},

	/** JSON Web Tokens: three base64url parts, the first an encoded JSON object. */
	JWT("jwt", true) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(
					Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), replacement,
					(text) -> text.contains("eyJ"));
		}
	},

	/** E-mail addresses; off by default, as many applications need them to trace a user's requests. */
	EMAIL("email", false) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
					+ "\\.[A-Za-z]{2,}"), replacement, (text) -> text.indexOf('@') >= 0);
		}
	},

	/** International bank account numbers, with or without grouping spaces; off by default. */
	IBAN("iban", false) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
					replacement);
		}
	};

	private final String propertyName;

	private final boolean enabledByDefault;

	BuiltInPattern(String propertyName, boolean enabledByDefault) {
		this.propertyName = propertyName;
		this.enabledByDefault = enabledByDefault;
	}

	/**
	 * The name under {@code structured-logging.masking.patterns}.
	 * @return the name
	 */
	public String propertyName() {
		return this.propertyName;
	}

	public boolean isEnabledByDefault() {
		return this.enabledByDefault;
	}

	abstract ValueMasker masker(String replacement, boolean keepLastFourDigits);

	static BuiltInPattern named(String propertyName) {
		for (BuiltInPattern pattern : values()) {
			if (pattern.propertyName.equals(propertyName.toLowerCase(Locale.ROOT))) {
				return pattern;
			}
		}
		return null;
	}

	/**
	 * Checks the first letter before comparing the rest, which is what makes this cheaper than the pattern.
	 * @param part lower case ASCII letters
	 */
	private static boolean containsIgnoreCase(String text, String part) {
		char first = part.charAt(0);
		for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
			if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

}
