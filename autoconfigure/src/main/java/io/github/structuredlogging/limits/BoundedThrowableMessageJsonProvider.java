package io.github.structuredlogging.limits;

import java.util.function.UnaryOperator;

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

	private final Truncation truncation;

	/**
	 * Creates a provider.
	 * @param fieldName the field written
	 * @param maxLength the most characters of the message written
	 * @param masking masks the secrets in the whole message before it is cut
	 */
	public BoundedThrowableMessageJsonProvider(String fieldName, int maxLength, UnaryOperator<String> masking) {
		setFieldName(fieldName);
		this.maxLength = maxLength;
		this.truncation = new Truncation(masking);
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null && throwable.getMessage() != null) {
			JsonWritingUtils.writeStringField(generator, getFieldName(),
					this.truncation.truncate(throwable.getMessage(), this.maxLength));
		}
	}

}
