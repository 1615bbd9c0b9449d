package io.github.structuredlogging.format;

import io.github.structuredlogging.limits.EventLimiter;
import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The JSON encoder of every structured output: a {@link LogstashEncoder} that bounds each event first and never
 * lets an event fail unseen. Logback only catches exceptions from an encoder (and drops the event with a status
 * message nobody reads), and not errors such as a {@link StackOverflowError} from a recursive value, which would
 * reach the code that logged. If the bounded event still cannot be encoded, its plain fields are written with the
 * reason in {@code encoding_error}, still as one JSON line.
 */
public class StructuredJsonEncoder extends LogstashEncoder {

	private static final byte[] NOTHING = new byte[0];

	private final EventLimiter limiter;

	StructuredJsonEncoder(EventLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		try {
			return super.encode(this.limiter.limit(event));
		}
		catch (RuntimeException | StackOverflowError ex) {
			return encodeFallback(event, ex);
		}
	}

	/**
	 * Encodes into a buffer first, so that a failure midway never leaves half an event in the stream.
	 */
	@Override
	public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
		outputStream.write(encode(event));
	}

	private byte[] encodeFallback(ILoggingEvent event, Throwable failure) {
		try {
			return super.encode(this.limiter.fallback(event, failure));
		}
		catch (RuntimeException | StackOverflowError ex) {
			addError("Log event could not be encoded, even without its objects", ex);
			return NOTHING;
		}
	}

}
