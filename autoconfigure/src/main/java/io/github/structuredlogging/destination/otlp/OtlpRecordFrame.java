package io.github.structuredlogging.destination.otlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The spilled form of one OTLP log record: everything the exporter needs but the resource, which belongs to the
 * application that replays it. A compact own layout rather than OTLP's protobuf, because the SDK's marshalers are
 * internal API; it starts with a version byte so that a spill file written by an older layout is recognised.
 * <p>
 * Layout: version, timestamp and observed timestamp (epoch nanos), severity number and text, scope, message, trace
 * id, span id, trace flags, then the attributes as name, type and value. Texts are a length and UTF-8 bytes, a
 * length of -1 for none.
 */
final class OtlpRecordFrame {

	static final byte VERSION = 1;

	private static final byte STRING_CODE = 0;

	private static final byte BOOLEAN_CODE = 1;

	private static final byte LONG_CODE = 2;

	private static final byte DOUBLE_CODE = 3;

	private OtlpRecordFrame() {
	}

	static byte[] write(long timestampEpochNanos, long observedEpochNanos, Severity severity, String scope,
			String message, SpanContext spanContext, Attributes attributes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeLong(timestampEpochNanos);
			out.writeLong(observedEpochNanos);
			out.writeByte(severity.getSeverityNumber());
			writeText(out, severityText(severity));
			writeText(out, scope);
			writeText(out, message);
			writeText(out, spanContext.isValid() ? spanContext.getTraceId() : null);
			writeText(out, spanContext.isValid() ? spanContext.getSpanId() : null);
			out.writeByte(spanContext.getTraceFlags().asByte());
			out.writeInt(attributes.size());
			attributes.forEach((key, value) -> writeAttribute(out, key, value));
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static OtlpLogRecord read(byte[] frame, Resource resource) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame))) {
			byte version = in.readByte();
			if (version != VERSION) {
				throw new IllegalArgumentException("Unknown OTLP record layout " + version);
			}
			long timestamp = in.readLong();
			long observed = in.readLong();
			Severity severity = severity(in.readByte());
			String severityText = readText(in);
			InstrumentationScopeInfo scope = InstrumentationScopeInfo.create(readText(in));
			String message = readText(in);
			String traceId = readText(in);
			String spanId = readText(in);
			byte flags = in.readByte();
			SpanContext spanContext = (traceId != null && spanId != null)
					? SpanContext.create(traceId, spanId, TraceFlags.fromByte(flags), TraceState.getDefault())
					: SpanContext.getInvalid();
			int count = in.readInt();
			AttributesBuilder attributes = Attributes.builder();
			for (int i = 0; i < count; i++) {
				readAttribute(in, attributes);
			}
			return new OtlpLogRecord(resource, scope, timestamp, observed, spanContext, severity, severityText,
					message, attributes.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Torn OTLP record", ex);
		}
	}

	private static String severityText(Severity severity) {
		return switch (severity) {
			case TRACE -> "TRACE";
			case DEBUG -> "DEBUG";
			case INFO -> "INFO";
			case WARN -> "WARN";
			case ERROR -> "ERROR";
			default -> null;
		};
	}

	private static Severity severity(int number) {
		for (Severity severity : Severity.values()) {
			if (severity.getSeverityNumber() == number) {
				return severity;
			}
		}
		return Severity.UNDEFINED_SEVERITY_NUMBER;
	}

	private static void writeAttribute(DataOutputStream out, AttributeKey<?> key, Object value) {
		try {
			writeText(out, key.getKey());
			AttributeType type = key.getType();
			out.writeByte(typeCode(type));
			switch (type) {
				case BOOLEAN -> out.writeBoolean((Boolean) value);
				case LONG -> out.writeLong((Long) value);
				case DOUBLE -> out.writeDouble((Double) value);
				default -> writeText(out, String.valueOf(value));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readAttribute(DataInputStream in, AttributesBuilder attributes) throws IOException {
		String name = readText(in);
		switch (in.readByte()) {
			case BOOLEAN_CODE -> attributes.put(name, in.readBoolean());
			case LONG_CODE -> attributes.put(name, in.readLong());
			case DOUBLE_CODE -> attributes.put(name, in.readDouble());
			default -> attributes.put(name, readText(in));
		}
	}

	/**
	 * The attribute types the mapper writes, under codes of their own: enum ordinals would change with the SDK.
	 */
	private static byte typeCode(AttributeType type) {
		return switch (type) {
			case BOOLEAN -> BOOLEAN_CODE;
			case LONG -> LONG_CODE;
			case DOUBLE -> DOUBLE_CODE;
			default -> STRING_CODE;
		};
	}

	private static void writeText(DataOutputStream out, String text) throws IOException {
		if (text == null) {
			out.writeInt(-1);
			return;
		}
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String readText(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
