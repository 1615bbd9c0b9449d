package io.github.structuredlogging.correlation;

import java.util.regex.Pattern;

/**
 * Decides whether an inbound header value may enter the log context. A value is accepted whole or not at all:
 * truncating or escaping it would still let a caller choose what appears in the logs.
 * <p>
 * Whatever the configured pattern allows, a value holding a control character (CR, LF, NUL, DEL, C1 controls),
 * a line or paragraph separator, a surrogate, or any character outside printable ASCII is rejected: an allowed
 * pattern written too generously must not let a caller forge lines or fields in log files and the tools that read
 * them.
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
		if (!isPrintableAscii(value)) {
			return Rejection.UNSAFE_CHARACTERS;
		}
		if (value.isEmpty() || !this.allowed.matcher(value).matches()) {
			return Rejection.INVALID_CHARACTERS;
		}
		return null;
	}

	private static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Why a header value was not taken into the context.
	 */
	public enum Rejection {

		TOO_LONG("too_long"), INVALID_CHARACTERS("invalid_characters"), UNSAFE_CHARACTERS("unsafe_characters");

		private final String reason;

		Rejection(String reason) {
			this.reason = reason;
		}

		public String reason() {
			return this.reason;
		}

	}

}
