package io.github.structuredlogging.destination.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Builds RFC 5424 messages: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG}. The event's MDC
 * entries (the correlation fields) travel as structured data under the SD-ID {@value #SD_ID}; the message is the
 * event rendered in the destination's format, without its line separator.
 */
public final class Rfc5424Message {

	/** SD-ID of the element carrying the MDC; 32473 is the enterprise number RFC 5612 reserves for examples. */
	public static final String SD_ID = "mdc@32473";

	/** Longest SD-PARAM value kept; a longer MDC value is cut, since receivers limit the message size. */
	static final int MAX_PARAM_VALUE_CHARS = 256;

	/** Most MDC entries carried as structured data. */
	static final int MAX_PARAMS = 32;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
		.withZone(ZoneOffset.UTC);

	private final SyslogFacility facility;

	private final byte[] header;

	/**
	 * Creates the builder of one application's messages.
	 * @param facility the facility
	 * @param hostname the HOSTNAME field
	 * @param appName the APP-NAME field, {@code null} for none
	 * @param processId the PROCID field
	 */
	public Rfc5424Message(SyslogFacility facility, String hostname, String appName, String processId) {
		this.facility = facility;
		this.header = (" " + field(hostname, 255) + " " + field(appName, 48) + " " + field(processId, 128) + " - ")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Builds the message of one event.
	 * @param event the event
	 * @param formatted the event in the destination's format
	 * @return the message, without framing
	 */
	public byte[] build(ILoggingEvent event, byte[] formatted) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(formatted.length + 160);
		byte[] start = ("<" + (this.facility.code() * 8 + severity(event.getLevel())) + ">1 "
				+ TIMESTAMP.format((event.getInstant() != null) ? event.getInstant()
						: Instant.ofEpochMilli(event.getTimeStamp())))
			.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(start);
		out.writeBytes(this.header);
		out.writeBytes(structuredData(event.getMDCPropertyMap()).getBytes(StandardCharsets.UTF_8));
		out.write(' ');
		out.write(formatted, 0, withoutLineSeparator(formatted));
		return out.toByteArray();
	}

	/**
	 * RFC 5424 severity: 3 error, 4 warning, 6 informational, 7 debug.
	 */
	static int severity(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> 3;
			case Level.WARN_INT -> 4;
			case Level.INFO_INT -> 6;
			default -> 7;
		};
	}

	private static String structuredData(Map<String, String> mdc) {
		if (mdc == null || mdc.isEmpty()) {
			return "-";
		}
		StringBuilder sd = new StringBuilder("[").append(SD_ID);
		int params = 0;
		for (Map.Entry<String, String> entry : mdc.entrySet()) {
			String name = paramName(entry.getKey());
			if (name.isEmpty() || entry.getValue() == null || params == MAX_PARAMS) {
				continue;
			}
			params++;
			sd.append(' ').append(name).append("=\"");
			appendEscaped(sd, entry.getValue());
			sd.append('"');
		}
		return sd.append(']').toString();
	}

	/**
	 * SD-NAME: 1 to 32 printable US-ASCII characters other than {@code = ] "} and space; others are left out.
	 */
	private static String paramName(String key) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < key.length() && name.length() < 32; i++) {
			char c = key.charAt(i);
			if (c > 32 && c < 127 && c != '=' && c != ']' && c != '"') {
				name.append(c);
			}
		}
		return name.toString();
	}

	/**
	 * PARAM-VALUE: {@code " \ ]} escaped with a backslash; control characters become spaces so that the message
	 * stays one line for receivers that split on newlines despite the framing.
	 */
	private static void appendEscaped(StringBuilder sd, String value) {
		int end = Math.min(value.length(), MAX_PARAM_VALUE_CHARS);
		if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		for (int i = 0; i < end; i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\' || c == ']') {
				sd.append('\\');
			}
			sd.append((c < 32 || c == 127) ? ' ' : c);
		}
	}

	/**
	 * A header field: printable US-ASCII only, at most its RFC length, {@code -} when empty.
	 */
	static String field(String value, int maxLength) {
		if (value == null) {
			return "-";
		}
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
			char c = value.charAt(i);
			if (c > 32 && c < 127) {
				field.append(c);
			}
		}
		return field.isEmpty() ? "-" : field.toString();
	}

	private static int withoutLineSeparator(byte[] formatted) {
		int length = formatted.length;
		while (length > 0 && (formatted[length - 1] == '\n' || formatted[length - 1] == '\r')) {
			length--;
		}
		return length;
	}

}
