package io.github.structuredlogging.destination.otlp;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The "format" of an OTLP destination: none. OTLP carries the event's fields as attributes, built from the event
 * itself, so rendering each event in a text format first would only cost time on the writer thread.
 */
public final class UnformattedEncoder extends EncoderBase<ILoggingEvent> {

	private static final byte[] NOTHING = new byte[0];

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return NOTHING;
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
