package io.github.structuredlogging.masking;

import java.util.Locale;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;

/**
 * The value patterns the starter knows by name, for {@code structured-logging.masking.patterns.<name>}. They are
 * applied in declaration order, each to the result of the one before: patterns that keep a key and mask its value
 * come before broader ones that could swallow the key ({@code Bearer password=...}). Tokens known by their prefix
 * are found even glued to a word, as frameworks quote input with its spaces stripped. Each pattern also matches its
 * secret JSON-escaped ({@code {\"password\":\"...\"}}) and URL-encoded ({@code password%3D...}), as framework error
 * messages and request logs quote payloads that way.
 */
public enum BuiltInPattern {

	/** Private keys in PEM form: everything between the BEGIN and END lines, or to the end when cut. */
	PRIVATE_KEY("private-key", true, TextFeatures.LONG_TOKEN,
			"-----BEGIN(?:[ +]|%20)(?:[A-Z0-9]+(?:[ +]|%20))*PRIVATE(?:[ +]|%20)KEY-----(?<secret>[\\s\\S]*?)"
					+ "(?=-----END(?:[ +]|%20)(?:[A-Z0-9]+(?:[ +]|%20))*PRIVATE(?:[ +]|%20)KEY-----|$)"),

	/**
	 * The password in the user-info of a URL or connection string: {@code scheme://user:secret@host},
	 * {@code jdbc:oracle:thin:user/secret@host}.
	 */
	URL_CREDENTIALS("url-credentials", true, TextFeatures.ASSIGNMENT,
			"(?i)(?:(?<![a-z0-9+.-])|(?<=%[0-9a-f]{2}))[a-z][a-z0-9+.-]*(?::|%3A)(?://|%2F%2F|\\\\/\\\\/)"
					+ "[^\\s/:@%?#\"'<>]*(?::|%3A)(?<secret1>(?:(?!%40)[^\\s/@\"'<>])+)(?:@|%40)"
					+ "|jdbc(?::|%3A)oracle(?::|%3A)thin(?::|%3A)[^/\\s@:\"'%]+(?:/|%2F)"
					+ "(?<secret2>(?:(?!%40)[^@\\s\"'])+)(?:@|%40)"),

	/** The whole value of a {@code Cookie} or {@code Set-Cookie} header: every cookie may be a session. */
	COOKIE_HEADER("cookie-header", true, TextFeatures.ASSIGNMENT,
			"(?i)\\b(?:set-)?cookie(?:\\\\?[\"']|%22)?\\s*(?:[=:]|%3A|%3D)\\s*(?:\\\\?[\"']|%22)?"
					+ "(?<secret>(?:(?!%22)[^\"\\\\\\r\\n,}])+)"),

	/**
	 * The value after a secret key word and {@code =}, {@code :} or {@code =>}, in text: {@code password},
	 * {@code passwd}, {@code pwd}, {@code pass}, {@code passphrase}, {@code secret}, {@code token},
	 * {@code api_key}, {@code private_key}, {@code access_key}, {@code credentials}, {@code authorization}, session
	 * ids, also as the last word of a longer key ({@code db_password}, {@code newPassword}, {@code client_secret},
	 * {@code refresh_token}). Quoted values are masked whole, spaces included.
	 */
	PASSWORD_PAIR("password-pair", true, TextFeatures.ASSIGNMENT, keyValuePattern()),

	/** The credentials after {@code Bearer} or {@code Basic}, as in an Authorization header copied into text. */
	BEARER_TOKEN("bearer-token", true, TextFeatures.AUTHORIZATION_SCHEME,
			"\\b(?i:bearer|basic)\\s+(?<secret>(?=[A-Za-z0-9._~+/-]{8})[A-Za-z0-9._~+/-]"
					+ "(?=[a-z._~-]*[A-Z0-9+/])[A-Za-z0-9._~+/-]*=*)"),

	/** JSON Web Tokens: three base64url parts, the first an encoded JSON object. */
	JWT("jwt", true, TextFeatures.JWT_PREFIX, "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),

	/**
	 * Tokens of well-known services, recognisable by their prefix: GitHub ({@code ghp_}, {@code gho_},
	 * {@code github_pat_}...), Slack ({@code xoxb-}, {@code xoxp-}...), Stripe secret and restricted keys
	 * ({@code sk_live_}, {@code rk_test_}...) and Google API keys ({@code AIza}).
	 */
	SERVICE_TOKEN("service-token", true, TextFeatures.LONG_TOKEN,
			"(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|xox[abposre]-[A-Za-z0-9-]{10,255}"
					+ "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,255}|AIza[A-Za-z0-9_-]{35})") {
		@Override
		boolean mayMatch(String text) {
			return text.contains("gh") || text.contains("github_pat_") || text.contains("xox") || text.contains("k_")
					|| text.contains("AIza");
		}
	},

	/** AWS access key ids: {@code AKIA} or {@code ASIA} and 16 capitals or digits. */
	AWS_ACCESS_KEY("aws-access-key", true, TextFeatures.LONG_TOKEN, "(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])") {
		@Override
		boolean mayMatch(String text) {
			return text.contains("AKIA") || text.contains("ASIA");
		}
	},

	/**
	 * AWS secret access keys without their key word: exactly 40 base64 characters, with a capital, a small letter
	 * and a digit, starting with a letter or digit (so paths like {@code /api/v2/...} are never one).
	 */
	AWS_SECRET_KEY("aws-secret-key", true, TextFeatures.LONG_TOKEN, awsSecretKeyPattern()) {
		@Override
		boolean mayMatch(String text) {
			return text.length() >= 40 && text.chars().anyMatch((c) -> c >= 'A' && c <= 'Z');
		}
	},

	/** Luhn-checked payment card numbers, see {@link CardNumberValueMasker}. */
	CARD_NUMBER("card-number", true, TextFeatures.LONG_DIGIT_RUN, null) {
		@Override
		ValueMasker masker(String replacement, boolean keepLastFourDigits) {
			return new CardNumberValueMasker(replacement, keepLastFourDigits);
		}
	},

	/** E-mail addresses; off by default, as many applications need them to trace a user's requests. */
	EMAIL("email", false, TextFeatures.AT_SIGN,
			"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),

	/** International bank account numbers, with or without grouping spaces; off by default. */
	IBAN("iban", false, 0, "\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");

	private final String propertyName;

	private final boolean enabledByDefault;

	private final int requiredFeatures;

	private final Pattern pattern;

	BuiltInPattern(String propertyName, boolean enabledByDefault, int requiredFeatures, String regex) {
		this.propertyName = propertyName;
		this.enabledByDefault = enabledByDefault;
		this.requiredFeatures = requiredFeatures;
		this.pattern = (regex != null) ? Pattern.compile(regex) : null;
	}

	/**
	 * 40 characters of the base64 alphabet, counting a URL-encoded {@code +} or {@code /} as one. A {@code +} may
	 * border the key, as it stands for a space in URL-encoded text.
	 */
	private static String awsSecretKeyPattern() {
		String character = "(?:[A-Za-z0-9/+]|%2[BbFf])";
		String before = "(?:(?<=%[0-9A-Fa-f]{2})|(?<![A-Za-z0-9/=]))";
		return before + "(?=" + character + "{0,39}[A-Z])(?=" + character + "{0,39}[a-z])(?=" + character
				+ "{0,39}[0-9])[A-Za-z0-9]" + character + "{39}(?![A-Za-z0-9/=]|%2[BbFf]|%3[Dd])";
	}

	/**
	 * The key words of {@link #PASSWORD_PAIR}: a key ends with one of them, the short ones ({@code pass},
	 * {@code pwd}, {@code sid}) only at a word, {@code _}, {@code -}, {@code .} or camel-case boundary, so that
	 * {@code bypass} is no key; the long ones also glued to a word, as when a framework strips spaces
	 * ({@code loginpassword=...}). Then come an optional closing quote, the assignment, an optional opening
	 * quote and an optional authorization scheme, and the value: up to the matching quote when quoted (plain,
	 * backslash-escaped, single or URL-encoded), else up to the next delimiter. A value that opens a list, as
	 * headers do in JSON ({@code "Authorization":["Bearer ..."]}), is the list's first element: never the bracket,
	 * whose masking would break the JSON a message holds.
	 */
	private static String keyValuePattern() {
		String boundary = "(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=[a-z0-9])(?=[A-Z]))";
		String shortKeyWord = boundary + "(?i:pass|pwd|sid)";
		String longKeyWord = "(?i:password|passwd|passphrase|secret|token|(?:api|access|secret|private)[_-]?key"
				+ "|credentials?|authorization|j?session[_-]?id|phpsessid)";
		String quote = "(?:\\\\*[\"']|(?:%5[Cc])?%2[27])";
		String space = "(?:\\s|\\+|%20)*";
		String assignment = space + "(?:=>|[=:]|%3[Dd]%3[Ee]|%3[DdAa])" + space;
		String scheme = "(?:(?i:bearer|basic|token|digest)(?:\\s+|%20|\\+))?";
		String list = "(?:\\[\\s*)?";
		String value = list + "(?:\\\\+\"(?:" + scheme + ")(?<secret1>(?:[^\"\\\\]|\\\\(?!\\\\*\"))*)"
				+ "|\"(?:" + scheme + ")(?<secret2>(?:[^\"\\\\]|\\\\.)*)"
				+ "|'(?:" + scheme + ")(?<secret3>[^']*)"
				+ "|(?:%5[Cc])?%2[27](?:" + scheme + ")(?<secret4>(?:(?!(?:%5[Cc])?%2[27])[^&\\s\"])*)"
				+ "|" + scheme + "(?<secret5>[^\\s\"'&;,}\\]<>)\\[{][^\\s\"'&;,}\\]<>)]*))";
		return "(?:" + shortKeyWord + "|" + longKeyWord + ")(?![A-Za-z0-9])" + quote + "?" + assignment + value;
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

	ValueMasker masker(String replacement, boolean keepLastFourDigits) {
		return new PatternValueMasker(this.pattern, replacement, this::mayMatch);
	}

	/**
	 * Whether a text can hold a match at all, from the literal text every match needs: a few {@code contains} calls
	 * spare the regex, whose look-arounds are tried at every position, on the long ids of nearly every line.
	 * @param text the text
	 * @return {@code false} only when the pattern cannot match
	 */
	boolean mayMatch(String text) {
		return true;
	}

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
