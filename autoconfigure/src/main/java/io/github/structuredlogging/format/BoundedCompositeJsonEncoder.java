package io.github.structuredlogging.format;

import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.EventLimiter;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * A composite JSON encoder whose providers write one format, bounding each event first (see
 * {@link BoundedEncoding}).
 */
final class BoundedCompositeJsonEncoder extends LoggingEventCompositeJsonEncoder {

	private final EventLimiter limiter;

	BoundedCompositeJsonEncoder(EventLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(event, this.limiter, super::encode, this);
	}

	/**
	 * Encodes into a buffer first, so that a failure midway never leaves half an event in the stream.
	 */
	@Override
	public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
		outputStream.write(encode(event));
	}

}
