package io.github.structuredlogging.format;

import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.output.EventBuffer;
import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The JSON encoder of every structured output: a {@link LogstashEncoder} that bounds each event first and never
 * lets an event fail unseen (see {@link BoundedEncoding}).
 */
public class StructuredJsonEncoder extends LogstashEncoder {

	private final EventLimiter limiter;

	StructuredJsonEncoder(EventLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(event, this.limiter, super::encode, this);
	}

	/**
	 * Encodes straight into an output's {@link EventBuffer}, which can take back a half-written event; into any
	 * other stream through an array first, so that a failure midway never leaves half an event in it.
	 */
	@Override
	public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
		if (outputStream instanceof EventBuffer buffer) {
			BoundedEncoding.encodeInto(event, this.limiter, super::encode, buffer, this);
		}
		else {
			outputStream.write(encode(event));
		}
	}

}
