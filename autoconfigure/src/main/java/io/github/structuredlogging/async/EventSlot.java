package io.github.structuredlogging.async;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * One preallocated slot of the ring buffer.
 */
final class EventSlot {

	ILoggingEvent event;

	/**
	 * The event's bytes when its caller encoded it ({@link CallerEncoding}); otherwise empty or {@code null}. Kept
	 * in the slot once there, so that callers exchange buffers rather than allocate them.
	 */
	EncodedEvent encoded;

	/**
	 * The event's bytes if its caller encoded them.
	 * @return the encoded event, or {@code null}
	 */
	EncodedEvent encodedByCaller() {
		EncodedEvent encoded = this.encoded;
		return (encoded != null && encoded.encoder != null) ? encoded : null;
	}

}
