package io.github.structuredlogging.format;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Context;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.SurrogateSanitizingJsonGenerator;
import io.github.structuredlogging.limits.Truncation;
import io.github.structuredlogging.masking.TextMasker;
import io.github.structuredlogging.validation.ValidatedProperties;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of an event as text, for the formats that are not JSON (logfmt, csv): the same names as the starter's
 * JSON, bounded by the same limits, masked by the same rules. Logged objects that are not plain values are written
 * as their JSON.
 */
final class TextFields {

	static final String TIMESTAMP = "timestamp";

	static final String MESSAGE = "message";

	/** Fields the encoder writes itself, which no MDC entry or key/value may repeat. */
	static final Set<String> FIELDS = Set.of(TIMESTAMP, JsonEncoderFactory.LEVEL_FIELD,
			JsonEncoderFactory.LOGGER_FIELD, JsonEncoderFactory.THREAD_FIELD, JsonEncoderFactory.SERVICE_FIELD,
			MESSAGE, JsonEncoderFactory.EXCEPTION_TYPE_FIELD, JsonEncoderFactory.EXCEPTION_MESSAGE_FIELD,
			JsonEncoderFactory.STACK_TRACE_FIELD);

	private final EventLimiter limiter;

	private final JsonMapper mapper;

	private final TextMasker masker;

	private final Truncation truncation;

	private final StackTraces stackTraces;

	private final Map<String, String> mdcNames;

	private final String serviceName;

	private final int maxExceptionMessageLength;

	private final Context loggerContext;

	TextFields(FormatContext context) {
		this.loggerContext = context.loggerContext();
		this.mapper = JsonEncoderFactory.valueMapper(context.limits(), context.masking());
		this.masker = TextMasker.of(context.masking());
		this.limiter = new EventLimiter(context.limits(), this.mapper, FIELDS, this.masker::maskText);
		this.truncation = new Truncation(this.masker::maskText);
		this.stackTraces = new StackTraces(context.loggerContext(), BootJsonSettings.NONE,
				context.limits().getMaxStackTraceLength(), this.masker::maskText);
		FormatProperties properties = ValidatedProperties.bind(context.binder(), FormatProperties.PREFIX,
				FormatProperties.class);
		this.mdcNames = TracingFields.mdcNames(properties.getTraceIdField(), properties.getSpanIdField());
		this.serviceName = context.serviceName();
		this.maxExceptionMessageLength = context.limits().getMaxExceptionMessageLength();
	}

	/**
	 * The Logback context of the encoders these fields are written by.
	 * @return the context
	 */
	Context loggerContext() {
		return this.loggerContext;
	}

	EventLimiter limiter() {
		return this.limiter;
	}

	/**
	 * The fields of an already bounded event, in the order they are written, masked.
	 * @param event the bounded event
	 * @return the field values by name, without the absent ones
	 */
	Map<String, String> of(ILoggingEvent event) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(TIMESTAMP, Instant.ofEpochMilli(event.getTimeStamp()).toString());
		fields.put(JsonEncoderFactory.LEVEL_FIELD, event.getLevel().toString());
		fields.put(JsonEncoderFactory.LOGGER_FIELD, clean(event.getLoggerName()));
		fields.put(JsonEncoderFactory.THREAD_FIELD, clean(event.getThreadName()));
		if (this.serviceName != null && !this.serviceName.isBlank()) {
			fields.put(JsonEncoderFactory.SERVICE_FIELD, clean(this.serviceName));
		}
		fields.put(MESSAGE, this.masker.maskText(clean(event.getFormattedMessage())));
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> {
				String name = clean(this.mdcNames.getOrDefault(key, key));
				fields.putIfAbsent(name, this.masker.maskField(name, clean(value)));
			});
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				String name = clean(pair.key);
				fields.putIfAbsent(name, this.masker.maskField(name, clean(text(pair.value))));
			}
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			fields.put(JsonEncoderFactory.EXCEPTION_TYPE_FIELD, throwable.getClassName());
			if (throwable.getMessage() != null) {
				fields.put(JsonEncoderFactory.EXCEPTION_MESSAGE_FIELD, this.masker
					.maskText(clean(this.truncation.truncate(throwable.getMessage(), this.maxExceptionMessageLength))));
			}
			fields.put(JsonEncoderFactory.STACK_TRACE_FIELD, this.masker.maskText(clean(this.stackTraces.of(event))));
		}
		return fields;
	}

	private String text(Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return String.valueOf(value);
		}
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Text with unpaired surrogates replaced, as in the JSON output, so that every line is valid UTF-8.
	 */
	private static String clean(String text) {
		return (text != null) ? SurrogateSanitizingJsonGenerator.sanitize(text) : null;
	}

}
