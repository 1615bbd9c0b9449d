package io.github.structuredlogging.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import io.github.structuredlogging.context.ScopedContextEvents;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.output.EventBuffer;

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
	 * Encodes an event, bounded first, with its scoped values as key/values (see {@link ScopedContextEvents}) and the
	 * fields of the {@link LogEventFieldContributor}s in force.
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
			return encoder.apply(limiter.limit(EventFieldContributions.contribute(event, status)));
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

	/**
	 * Encodes an event as {@link #encode} does, straight into an output's buffer: no {@code byte[]} is made for it,
	 * and a failure midway takes back what was written before the plain fields are tried.
	 * @param logged the event as logged
	 * @param limiter the bounds
	 * @param encoder the streaming encoding of the format
	 * @param buffer the output's buffer
	 * @param status where a failure of the fallback is reported
	 * @throws IOException never in practice: the buffer is in memory
	 */
	static void encodeInto(ILoggingEvent logged, EventLimiter limiter, StreamEncoding encoder, EventBuffer buffer,
			ContextAware status) throws IOException {
		ILoggingEvent event = ScopedContextEvents.nested(logged);
		int mark = buffer.size();
		try {
			encoder.encode(limiter.limit(EventFieldContributions.contribute(event, status)), buffer);
		}
		catch (RuntimeException | StackOverflowError ex) {
			buffer.rewind(mark);
			try {
				encoder.encode(limiter.fallback(event, ex), buffer);
			}
			catch (RuntimeException | StackOverflowError fallbackFailure) {
				buffer.rewind(mark);
				status.addError("Log event could not be encoded, even without its objects", fallbackFailure);
			}
		}
	}

	/**
	 * A format's encoding of one event into a stream.
	 */
	@FunctionalInterface
	interface StreamEncoding {

		void encode(ILoggingEvent event, OutputStream stream) throws IOException;

	}

}
