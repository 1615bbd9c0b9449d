package io.github.structuredlogging.limits;

import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * The stack trace converter of the JSON outputs, which masks the message of every throwable in the chain before the
 * stack trace is assembled and cut to its maximum length: the cut could otherwise fall inside a secret quoted by a
 * cause's message, and leave its start unrecognisable, and raw.
 */
public final class MessageMaskingThrowableConverter extends ShortenedThrowableConverter {

	private final UnaryOperator<String> masking;

	/**
	 * Creates a converter.
	 * @param masking masks the secrets in one throwable message
	 */
	public MessageMaskingThrowableConverter(UnaryOperator<String> masking) {
		this.masking = masking;
	}

	@Override
	protected String getMessage(IThrowableProxy throwable, ILoggingEvent event) {
		String message = super.getMessage(throwable, event);
		return (message != null) ? this.masking.apply(message) : null;
	}

}
