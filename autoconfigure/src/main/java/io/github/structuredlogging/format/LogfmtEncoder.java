package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.context.ScopedContextEvents;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Writes each event as one logfmt line: {@code key=value} pairs separated by spaces, a value quoted when it is
 * empty or holds a space, {@code =}, a quote or any control character, and inside quotes {@code \"}, {@code \\},
 * {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} escapes. Every character that could end a line
 * (including U+0085, U+2028, U+2029) is escaped, so one event is always one line. A key keeps letters, digits and
 * {@code _ . - @ /}; any other character becomes {@code _}.
 */
final class LogfmtEncoder extends EncoderBase<ILoggingEvent> {

	private final TextFields fields;

	LogfmtEncoder(TextFields fields) {
		this.fields = fields;
		setContext(fields.loggerContext());
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(ScopedContextEvents.flattened(event), this.fields.limiter(), this::line, this);
	}

	private byte[] line(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(256);
		for (Map.Entry<String, String> field : this.fields.of(event).entrySet()) {
			if (!line.isEmpty()) {
				line.append(' ');
			}
			appendKey(line, field.getKey());
			line.append('=');
			appendValue(line, field.getValue());
		}
		return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	static void appendKey(StringBuilder line, String key) {
		if (key == null || key.isEmpty()) {
			line.append('_');
			return;
		}
		for (int i = 0; i < key.length(); i++) {
			char ch = key.charAt(i);
			boolean kept = Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-' || ch == '@'
					|| ch == '/';
			line.append(kept ? ch : '_');
		}
	}

	static void appendValue(StringBuilder line, String value) {
		if (value == null) {
			line.append("null");
			return;
		}
		if (!needsQuotes(value)) {
			line.append(value);
			return;
		}
		line.append('"');
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> line.append("\\\"");
				case '\\' -> line.append("\\\\");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\t' -> line.append("\\t");
				default -> {
					if (isControlOrSeparator(ch)) {
						line.append(String.format("\\u%04x", (int) ch));
					}
					else {
						line.append(ch);
					}
				}
			}
		}
		line.append('"');
	}

	private static boolean needsQuotes(String value) {
		if (value.isEmpty()) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			if (ch == ' ' || ch == '=' || ch == '"' || ch == '\\' || isControlOrSeparator(ch)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isControlOrSeparator(char ch) {
		return Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029';
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
