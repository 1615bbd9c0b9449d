package io.github.structuredlogging.format;

import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import io.github.structuredlogging.context.ScopedContextEvents;
import io.github.structuredlogging.limits.EventLimiter;

/**
 * Encodes an event within its bounds and never lets it fail unseen, whatever the format. Logback only catches
 * exceptions from an encoder (and drops the event with a status message nobody reads), and not errors such as a
 * {@link StackOverflowError} from a recursive value, which would reach the code that logged. If the bounded event
 * still cannot be encoded, its plain fields are written with the reason in {@code encoding_error}.
 */
final class BoundedEncoding {

	private static final byte[] NOTHING = new byte[0];

	private BoundedEncoding() {
	}

	/**
	 * Encodes an event, bounded first, with its scoped values as key/values (see {@link ScopedContextEvents}).
	 * @param logged the event as logged
	 * @param limiter the bounds
	 * @param encoder the encoding of the format
	 * @param status where a failure of the fallback is reported
	 * @return the bytes of the event, empty only if even its plain fields cannot be encoded
	 */
	static byte[] encode(ILoggingEvent logged, EventLimiter limiter, Function<ILoggingEvent, byte[]> encoder,
			ContextAware status) {
		ILoggingEvent event = ScopedContextEvents.nested(logged);
		try {
			return encoder.apply(limiter.limit(event));
		}
		catch (RuntimeException | StackOverflowError ex) {
			try {
				return encoder.apply(limiter.fallback(event, ex));
			}
			catch (RuntimeException | StackOverflowError fallbackFailure) {
				status.addError("Log event could not be encoded, even without its objects", fallbackFailure);
				return NOTHING;
			}
		}
	}

}
