package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.context.ScopedContextEvents;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Writes each event as one CSV record (RFC 4180): the configured columns in order, a field quoted when it holds a
 * comma, a quote, CR or LF (quotes doubled inside), records ended by CRLF. The column names are the header line,
 * which Logback writes at the start of every file it opens, rolled files included. A line break inside a value stays
 * inside its quoted field, as RFC 4180 allows; other control characters, and U+2028/U+2029, are replaced by a space
 * so that no reader splits a record on them.
 */
final class CsvEncoder extends EncoderBase<ILoggingEvent> {

	private static final String RECORD_END = "\r\n";

	private final TextFields fields;

	private final List<String> columns;

	private final byte[] header;

	CsvEncoder(TextFields fields, List<String> columns) {
		this.fields = fields;
		setContext(fields.loggerContext());
		this.columns = List.copyOf(columns);
		this.header = record(this.columns);
	}

	@Override
	public byte[] headerBytes() {
		return this.header.clone();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(ScopedContextEvents.flattened(event), this.fields.limiter(), this::record, this);
	}

	private byte[] record(ILoggingEvent event) {
		Map<String, String> values = this.fields.of(event);
		return record(this.columns.stream().map(values::get).toList());
	}

	private static byte[] record(List<String> fields) {
		StringBuilder record = new StringBuilder(256);
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				record.append(',');
			}
			appendField(record, fields.get(i));
		}
		return record.append(RECORD_END).toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void appendField(StringBuilder record, String value) {
		if (value == null) {
			return;
		}
		String text = replaceControls(value);
		boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		if (quoted) {
			record.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		else {
			record.append(text);
		}
	}

	private static String replaceControls(String value) {
		StringBuilder text = null;
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			boolean replaced = (Character.isISOControl(ch) && ch != '\n' && ch != '\r') || ch == '\u2028'
					|| ch == '\u2029';
			if (replaced && text == null) {
				text = new StringBuilder(value.length()).append(value, 0, i);
			}
			if (text != null) {
				text.append(replaced ? ' ' : ch);
			}
		}
		return (text != null) ? text.toString() : value;
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
