package io.github.structuredlogging.destination.otlp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.limits.Truncation;
import io.github.structuredlogging.masking.Maskers;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.masking.TextMasker;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a Logback event to its OTLP log record the way OpenTelemetry's Logback appender does: the message as body,
 * the level as severity, the logger as instrumentation scope, the thread, the MDC entries and the key/values as
 * attributes (numbers and booleans keeping their type), an exception as the {@code exception.*} attributes, and the
 * trace and span ids Micrometer Tracing or OpenTelemetry put in the MDC as the record's trace context rather than
 * as attributes. Everything is bounded by the starter's limits and masked by its masking rules, as in every other
 * format.
 */
final class OtlpRecordMapper {

	static final String THREAD_NAME = "thread.name";

	static final String EXCEPTION_TYPE = "exception.type";

	static final String EXCEPTION_MESSAGE = "exception.message";

	static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

	/** MDC keys of the trace id: Micrometer Tracing's, then OpenTelemetry's Logback MDC instrumentation's. */
	private static final List<String> TRACE_ID_KEYS = List.of("traceId", "trace_id");

	private static final List<String> SPAN_ID_KEYS = List.of("spanId", "span_id");

	private static final String TRACE_FLAGS_KEY = "trace_flags";

	private static final Set<String> TRACE_KEYS = Set.of("traceId", "trace_id", "spanId", "span_id",
			TRACE_FLAGS_KEY);

	/** Micrometer Tracing with Brave may log 64-bit trace ids; OTLP's are 128-bit, so they are padded as in B3. */
	private static final String SHORT_TRACE_ID_PADDING = "0000000000000000";

	private final EventLimiter limiter;

	private final TextMasker masker;

	private final Truncation truncation;

	private final JsonMapper mapper;

	private final LimitsProperties limits;

	private final Clock clock;

	OtlpRecordMapper(LimitsProperties limits, MaskingProperties masking, Clock clock) {
		JsonMapper.Builder mapper = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
		if (masking.isEnabled()) {
			mapper.addModule(Maskers.sensitiveModule(masking));
		}
		this.mapper = mapper.build();
		this.masker = TextMasker.of(masking);
		this.limiter = new EventLimiter(limits, this.mapper,
				Set.of(THREAD_NAME, EXCEPTION_TYPE, EXCEPTION_MESSAGE, EXCEPTION_STACKTRACE), this.masker::maskText);
		this.truncation = new Truncation(this.masker::maskText);
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * The event's record in its spilled form.
	 * @param event the event as logged
	 * @return the record's bytes
	 */
	byte[] frame(ILoggingEvent event) {
		ILoggingEvent bounded = this.limiter.limit(event);
		Instant time = (bounded.getInstant() != null) ? bounded.getInstant()
				: Instant.ofEpochMilli(bounded.getTimeStamp());
		Map<String, String> mdc = bounded.getMDCPropertyMap();
		return OtlpRecordFrame.write(nanos(time), nanos(this.clock.instant()), severity(bounded.getLevel()),
				bounded.getLoggerName(), this.masker.maskText(bounded.getFormattedMessage()), spanContext(mdc),
				attributes(bounded, mdc));
	}

	static Severity severity(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> Severity.ERROR;
			case Level.WARN_INT -> Severity.WARN;
			case Level.INFO_INT -> Severity.INFO;
			case Level.DEBUG_INT -> Severity.DEBUG;
			case Level.TRACE_INT -> Severity.TRACE;
			default -> Severity.UNDEFINED_SEVERITY_NUMBER;
		};
	}

	private Attributes attributes(ILoggingEvent event, Map<String, String> mdc) {
		AttributesBuilder attributes = Attributes.builder();
		if (event.getThreadName() != null) {
			attributes.put(THREAD_NAME, event.getThreadName());
		}
		if (mdc != null) {
			mdc.forEach((key, value) -> {
				if (key != null && value != null && !TRACE_KEYS.contains(key)) {
					attributes.put(key, this.masker.maskField(key, value));
				}
			});
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				if (pair.key != null && pair.value != null) {
					putKeyValue(attributes, pair.key, pair.value);
				}
			}
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			attributes.put(EXCEPTION_TYPE, throwable.getClassName());
			if (throwable.getMessage() != null) {
				attributes.put(EXCEPTION_MESSAGE, this.masker.maskText(
						this.truncation.truncate(throwable.getMessage(), this.limits.getMaxExceptionMessageLength())));
			}
			attributes.put(EXCEPTION_STACKTRACE, this.masker.maskText(this.truncation
				.truncate(ThrowableProxyUtil.asString(throwable), this.limits.getMaxStackTraceLength())));
		}
		return attributes.build();
	}

	/**
	 * Numbers and booleans keep their type unless masking changes them: a sensitive name or a number that is a
	 * card number is written as the masked text.
	 */
	private void putKeyValue(AttributesBuilder attributes, String key, Object value) {
		String text = text(value);
		String masked = this.masker.maskField(key, text);
		if (!masked.equals(text)) {
			attributes.put(key, masked);
		}
		else if (value instanceof Boolean flag) {
			attributes.put(key, flag);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short
				|| value instanceof Byte) {
			attributes.put(key, ((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			attributes.put(key, ((Number) value).doubleValue());
		}
		else {
			attributes.put(key, text);
		}
	}

	private String text(Object value) {
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return value.toString();
		}
		return this.mapper.writeValueAsString(value);
	}

	private static SpanContext spanContext(Map<String, String> mdc) {
		if (mdc == null) {
			return SpanContext.getInvalid();
		}
		String traceId = first(mdc, TRACE_ID_KEYS);
		String spanId = first(mdc, SPAN_ID_KEYS);
		if (traceId == null || spanId == null) {
			return SpanContext.getInvalid();
		}
		if (traceId.length() == SHORT_TRACE_ID_PADDING.length()) {
			traceId = SHORT_TRACE_ID_PADDING + traceId;
		}
		String flags = mdc.get(TRACE_FLAGS_KEY);
		TraceFlags traceFlags = (flags != null && flags.length() == 2 && isHex(flags))
				? TraceFlags.fromHex(flags, 0) : TraceFlags.getDefault();
		// SpanContext.create checks the ids and answers the invalid context for malformed ones.
		return SpanContext.create(traceId, spanId, traceFlags, TraceState.getDefault());
	}

	private static String first(Map<String, String> mdc, List<String> keys) {
		for (String key : keys) {
			String value = mdc.get(key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	private static boolean isHex(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
