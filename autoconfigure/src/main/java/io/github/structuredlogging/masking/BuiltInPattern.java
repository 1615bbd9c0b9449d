package io.github.structuredlogging.masking;

import java.util.Locale;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;

/**
 * The value patterns the starter knows by name, for {@code structured-logging.masking.patterns.<name>}. They are
 * applied in declaration order, each to the result of the one before: patterns that keep a key and mask its value
 * come before broader ones that could swallow the key ({@code Bearer password=...}).
 */
public enum BuiltInPattern {

	/** Luhn-checked payment card numbers, see {@link CardNumberValueMasker}. */
	CARD_NUMBER("card-number", true, TextFeatures.LONG_DIGIT_RUN) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new CardNumberValueMasker(replacement, keepLastFourDigits);
		}
	},

	/** The value in {@code password=...}, {@code "secret": "..."}, {@code api_key: ...} and the like, in text. */
	PASSWORD_PAIR("password-pair", true, TextFeatures.ASSIGNMENT) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|client[_-]?secret"
					+ "|api[_-]?key|(?:access[_-]?|refresh[_-]?)?token)\"?\\s*[=:]\\s*\"?(?<secret>[^\\s\"'&;,}]+)"),
					replacement);
		}
	},

	/** The credentials after {@code Bearer} or {@code Basic}, as in an Authorization header copied into text. */
	BEARER_TOKEN("bearer-token", true, TextFeatures.AUTHORIZATION_SCHEME) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(
					Pattern.compile("(?i)\\b(?:bearer|basic)\\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)"),
					replacement);
		}
	},

	/** JSON Web Tokens: three base64url parts, the first an encoded JSON object. */
	JWT("jwt", true, TextFeatures.JWT_PREFIX) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(
					Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
					replacement);
		}
	},

	/** E-mail addresses; off by default, as many applications need them to trace a user's requests. */
	EMAIL("email", false, TextFeatures.AT_SIGN) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
					+ "\\.[A-Za-z]{2,}"), replacement);
		}
	},

	/** International bank account numbers, with or without grouping spaces; off by default. */
	IBAN("iban", false, 0) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new PatternValueMasker(
					Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"), replacement);
		}
	};

	private final String propertyName;

	private final boolean enabledByDefault;

	private final int requiredFeatures;

	BuiltInPattern(String propertyName, boolean enabledByDefault, int requiredFeatures) {
		this.propertyName = propertyName;
		this.enabledByDefault = enabledByDefault;
		this.requiredFeatures = requiredFeatures;
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

	/**
	 * The {@link TextFeatures} every value this pattern masks has.
	 */
	int requiredFeatures() {
		return this.requiredFeatures;
	}

	static BuiltInPattern named(String propertyName) {
		for (BuiltInPattern pattern : values()) {
			if (pattern.propertyName.equals(propertyName.toLowerCase(Locale.ROOT))) {
				return pattern;
			}
		}
		return null;
	}

}
