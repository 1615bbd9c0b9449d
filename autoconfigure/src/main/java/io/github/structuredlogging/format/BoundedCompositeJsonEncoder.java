package io.github.structuredlogging.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.output.EventBuffer;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * A composite JSON encoder whose providers write one format, bounding each event first (see
 * {@link BoundedEncoding}).
 */
final class BoundedCompositeJsonEncoder extends LoggingEventCompositeJsonEncoder {

	private final EventLimiter limiter;

	/** Held rather than written inline, where each event would make a new method reference. */
	private final Function<ILoggingEvent, byte[]> arrayEncoding = super::encode;

	private final BoundedEncoding.StreamEncoding streamEncoding = super::encode;

	BoundedCompositeJsonEncoder(EventLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(event, this.limiter, this.arrayEncoding, this);
	}

	/**
	 * Encodes straight into an output's {@link EventBuffer}, which can take back a half-written event; into any
	 * other stream through an array first, so that a failure midway never leaves half an event in it.
	 */
	@Override
	public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
		if (outputStream instanceof EventBuffer buffer) {
			BoundedEncoding.encodeInto(event, this.limiter, this.streamEncoding, buffer, this);
		}
		else {
			outputStream.write(encode(event));
		}
	}

}
