package io.github.structuredlogging.correlation;

import java.util.regex.Pattern;

/**
 * Decides whether an inbound header value may enter the log context. A value is accepted whole or not at all:
 * truncating or escaping it would still let a caller choose what appears in the logs.
 */
public final class HeaderValueValidator {

	private final int maxLength;

	private final Pattern allowed;

	public HeaderValueValidator(int maxLength, String allowedPattern) {
		this.maxLength = maxLength;
		this.allowed = Pattern.compile(allowedPattern);
	}

	/**
	 * Checks one value.
	 * @param value the header value, never {@code null}
	 * @return why the value is rejected, or {@code null} when it is accepted
	 */
	public Rejection check(String value) {
		if (value.length() > this.maxLength) {
			return Rejection.TOO_LONG;
		}
		if (value.isEmpty() || !this.allowed.matcher(value).matches()) {
			return Rejection.INVALID_CHARACTERS;
		}
		return null;
	}

	/**
	 * Why a header value was not taken into the context.
	 */
	public enum Rejection {

		TOO_LONG("too_long"), INVALID_CHARACTERS("invalid_characters");

		private final String reason;

		Rejection(String reason) {
			this.reason = reason;
		}

		public String reason() {
			return this.reason;
		}

	}

}
