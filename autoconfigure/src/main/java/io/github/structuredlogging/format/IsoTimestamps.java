package io.github.structuredlogging.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;

/**
 * The ISO-8601 text of event instants, character for character as {@link Instant#toString()} (UTC, fraction in
 * groups of three digits) or {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} in a zone (fraction without trailing
 * zeros) write it, which is what Spring Boot's formats use. {@code java.time} makes half a dozen objects per call;
 * here the text up to the second and the offset are kept for the current second, and only the fraction is added
 * per event, in a buffer each thread keeps.
 */
final class IsoTimestamps {

	/**
	 * Room for the longest text: a nine-digit year with its sign, nine digits of fraction and an offset with
	 * seconds.
	 */
	private static final int LONGEST_TEXT = 64;

	/** Each thread's scratch for the text of one instant, so that writing one makes no string. */
	private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[LONGEST_TEXT]);

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
		Second second = second(instant);
		if (instant.getNano() == 0) {
			return second.whole();
		}
		char[] text = SCRATCH.get();
		return new String(text, 0, fill(text, second, instant.getNano()));
	}

	/**
	 * Writes the text as a JSON string, without making a {@code String} of it.
	 * @param generator the generator
	 * @param instant the instant
	 */
	void write(JsonGenerator generator, Instant instant) {
		Second second = second(instant);
		if (instant.getNano() == 0) {
			generator.writeString(second.whole());
			return;
		}
		char[] text = SCRATCH.get();
		generator.writeString(text, 0, fill(text, second, instant.getNano()));
	}

	private Second second(Instant instant) {
		Second second = this.current;
		if (second.epochSecond() != instant.getEpochSecond()) {
			second = second(instant.getEpochSecond());
			this.current = second;
		}
		return second;
	}

	private int fill(char[] text, Second second, int nano) {
		String prefix = second.prefix();
		prefix.getChars(0, prefix.length(), text, 0);
		int end = prefix.length();
		text[end++] = '.';
		end = (this.zone == null) ? appendInstantFraction(text, end, nano) : appendTrimmedFraction(text, end, nano);
		second.suffix().getChars(0, second.suffix().length(), text, end);
		return end + second.suffix().length();
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
	private static int appendInstantFraction(char[] text, int at, int nano) {
		if (nano % 1_000_000 == 0) {
			return appendDigits(text, at, nano / 1_000_000, 3);
		}
		if (nano % 1_000 == 0) {
			return appendDigits(text, at, nano / 1_000, 6);
		}
		return appendDigits(text, at, nano, 9);
	}

	/**
	 * Nine digits without the trailing zeros.
	 */
	private static int appendTrimmedFraction(char[] text, int at, int nano) {
		int digits = 9;
		int value = nano;
		while (value % 10 == 0) {
			value /= 10;
			digits--;
		}
		return appendDigits(text, at, value, digits);
	}

	private static int appendDigits(char[] text, int at, int value, int digits) {
		int rest = value;
		for (int i = at + digits - 1; i >= at; i--) {
			text[i] = (char) ('0' + rest % 10);
			rest /= 10;
		}
		return at + digits;
	}

	/**
	 * The text of one second: up to and including the seconds, after the fraction, and of the whole second.
	 */
	private record Second(long epochSecond, String prefix, String suffix, String whole) {

	}

}
