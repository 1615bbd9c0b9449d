package io.github.structuredlogging.limits;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the message of the logged throwable, cut to a maximum length: exception messages often quote the input
 * that caused them, whole.
 */
public final class BoundedThrowableMessageJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	private final int maxLength;

	public BoundedThrowableMessageJsonProvider(String fieldName, int maxLength) {
		setFieldName(fieldName);
		this.maxLength = maxLength;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null && throwable.getMessage() != null) {
			JsonWritingUtils.writeStringField(generator, getFieldName(),
					Truncation.truncate(throwable.getMessage(), this.maxLength));
		}
	}

}
