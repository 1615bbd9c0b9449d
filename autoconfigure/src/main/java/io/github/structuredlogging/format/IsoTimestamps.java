package io.github.structuredlogging.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The ISO-8601 text of event instants, character for character as {@link Instant#toString()} (UTC, fraction in
 * groups of three digits) or {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} in a zone (fraction without trailing
 * zeros) write it, which is what Spring Boot's formats use. {@code java.time} makes half a dozen objects per call;
 * here the text up to the second and the offset are kept for the current second, and only the fraction is added
 * per event.
 */
final class IsoTimestamps {

	private final ZoneId zone;

	private volatile Second current = new Second(Long.MIN_VALUE, "", "", "");

	private IsoTimestamps(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Text as {@link Instant#toString()} writes it.
	 * @return the timestamps
	 */
	static IsoTimestamps utc() {
		return new IsoTimestamps(null);
	}

	/**
	 * Text as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes an instant in a zone.
	 * @param zone the zone
	 * @return the timestamps
	 */
	static IsoTimestamps offset(ZoneId zone) {
		return new IsoTimestamps(zone);
	}

	String format(Instant instant) {
		Second second = this.current;
		if (second.epochSecond() != instant.getEpochSecond()) {
			second = second(instant.getEpochSecond());
			this.current = second;
		}
		int nano = instant.getNano();
		if (nano == 0) {
			return second.whole();
		}
		StringBuilder text = new StringBuilder(second.prefix().length() + 10 + second.suffix().length());
		text.append(second.prefix()).append('.');
		if (this.zone == null) {
			appendInstantFraction(text, nano);
		}
		else {
			appendTrimmedFraction(text, nano);
		}
		return text.append(second.suffix()).toString();
	}

	private Second second(long epochSecond) {
		Instant whole = Instant.ofEpochSecond(epochSecond);
		if (this.zone == null) {
			String text = whole.toString();
			return new Second(epochSecond, text.substring(0, text.length() - 1), "Z", text);
		}
		OffsetDateTime dateTime = OffsetDateTime.ofInstant(whole, this.zone);
		String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
		int offsetStart = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.from(dateTime)).length();
		return new Second(epochSecond, text.substring(0, offsetStart), text.substring(offsetStart), text);
	}

	/**
	 * Three, six or nine digits, as few as the value needs.
	 */
	private static void appendInstantFraction(StringBuilder text, int nano) {
		if (nano % 1_000_000 == 0) {
			appendDigits(text, nano / 1_000_000, 3);
		}
		else if (nano % 1_000 == 0) {
			appendDigits(text, nano / 1_000, 6);
		}
		else {
			appendDigits(text, nano, 9);
		}
	}

	/**
	 * Nine digits without the trailing zeros.
	 */
	private static void appendTrimmedFraction(StringBuilder text, int nano) {
		int digits = 9;
		int value = nano;
		while (value % 10 == 0) {
			value /= 10;
			digits--;
		}
		appendDigits(text, value, digits);
	}

	private static void appendDigits(StringBuilder text, int value, int digits) {
		for (int unit = pow10(digits - 1); unit > 0; unit /= 10) {
			text.append((char) ('0' + (value / unit) % 10));
		}
	}

	private static int pow10(int exponent) {
		int value = 1;
		for (int i = 0; i < exponent; i++) {
			value *= 10;
		}
		return value;
	}

	/**
	 * The text of one second: up to and including the seconds, after the fraction, and of the whole second.
	 */
	private record Second(long epochSecond, String prefix, String suffix, String whole) {

	}

}
