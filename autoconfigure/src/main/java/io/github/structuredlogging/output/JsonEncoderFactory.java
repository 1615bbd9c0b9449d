package io.github.structuredlogging.output;

import ch.qos.logback.core.Context;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableMessageJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the logstash-logback-encoder {@link LogstashEncoder} behind every JSON output, so console and file carry
 * the same fields under the same names.
 */
public final class JsonEncoderFactory {

	/** Field holding the fully qualified class name of a logged throwable. */
	public static final String EXCEPTION_TYPE_FIELD = "exception_type";

	/** Field holding the message of a logged throwable. */
	public static final String EXCEPTION_MESSAGE_FIELD = "exception_message";

	/** Field holding the (shortened) stack trace of a logged throwable. */
	public static final String STACK_TRACE_FIELD = "stack_trace";

	/** Field naming the service that wrote the event. */
	public static final String SERVICE_FIELD = "service";

	private static final String IGNORE = "[ignore]";

	private final OutputProperties properties;

	private final String serviceName;

	public JsonEncoderFactory(OutputProperties properties, String serviceName) {
		this.properties = properties;
		this.serviceName = serviceName;
	}

	public LogstashEncoder create(Context context) {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setContext(context);
		encoder.setFieldNames(fieldNames());
		// Logback context properties are Boot's internal layout settings, not facts about the event.
		encoder.setIncludeContext(false);
		encoder.setThrowableConverter(throwableConverter(context));
		encoder.addProvider(exceptionTypeProvider());
		encoder.addProvider(exceptionMessageProvider());
		if (this.serviceName != null && !this.serviceName.isBlank()) {
			ObjectNode customFields = JsonNodeFactory.instance.objectNode().put(SERVICE_FIELD, this.serviceName);
			encoder.setCustomFields(customFields.toString());
		}
		return encoder;
	}

	private LogstashFieldNames fieldNames() {
		LogstashFieldNames names = new LogstashFieldNames();
		names.setVersion(IGNORE);
		names.setLevelValue(IGNORE);
		names.setLogger("logger");
		names.setThread("thread");
		names.setStackTrace(STACK_TRACE_FIELD);
		return names;
	}

	private ShortenedThrowableConverter throwableConverter(Context context) {
		ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
		converter.setContext(context);
		converter.setMaxDepthPerThrowable(this.properties.getMaxStackDepth());
		converter.setRootCauseFirst(true);
		return converter;
	}

	private static ThrowableClassNameJsonProvider exceptionTypeProvider() {
		ThrowableClassNameJsonProvider provider = new ThrowableClassNameJsonProvider();
		provider.setFieldName(EXCEPTION_TYPE_FIELD);
		provider.setUseSimpleClassName(false);
		return provider;
	}

	private static ThrowableMessageJsonProvider exceptionMessageProvider() {
		ThrowableMessageJsonProvider provider = new ThrowableMessageJsonProvider();
		provider.setFieldName(EXCEPTION_MESSAGE_FIELD);
		return provider;
	}

}
