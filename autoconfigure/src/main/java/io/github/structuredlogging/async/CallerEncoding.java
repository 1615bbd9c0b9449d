package io.github.structuredlogging.async;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.StreamingEncoder;

/**
 * Encoding on the caller's thread while the writer falls behind. The writer is the bottleneck of a busy pipeline:
 * encoding is most of its work per event, and it does it alone while callers that wait for room sit idle. So once
 * the queue is more than half full, a caller whose event will not be dropped for want of room encodes it itself,
 * for the first output written straight to its stream, and the writer only copies the bytes. The output, its
 * rolling and its accounting stay the writer's; only the encoder's work moves, and only while the caller would
 * otherwise wait for that work to be done.
 * <p>
 * Each caller thread encodes into an {@link EncodedEvent} of its own, swaps it into the slot it claims and takes the
 * slot's previous one, which the writer has emptied: once every slot has had one, nothing is allocated per event.
 */
final class CallerEncoding {

	private final ThreadLocal<EncodedEvent> own = ThreadLocal.withInitial(EncodedEvent::new);

	/**
	 * Encodes the event with the output's encoder into this thread's buffer.
	 * @param event the event, prepared for deferred processing
	 * @param target the output the bytes are for
	 * @return the bytes, or {@code null} when the output's encoder cannot stream or failed: the writer then encodes
	 * the event and reports the failure as it would have anyway
	 */
	EncodedEvent encode(ILoggingEvent event, DirectStreamWriter target) {
		Encoder<ILoggingEvent> encoder = target.encoder();
		if (!(encoder instanceof StreamingEncoder<?> streaming)) {
			return null;
		}
		EncodedEvent encoded = this.own.get();
		encoded.bytes.rewind(0);
		try {
			((StreamingEncoder<ILoggingEvent>) streaming).encode(event, encoded.bytes);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		encoded.encoder = encoder;
		return encoded;
	}

	/**
	 * Hands this thread's encoded event to the slot, taking the slot's emptied one in exchange.
	 * @param slot the claimed, not yet published slot
	 * @param encoded what {@link #encode} returned
	 */
	void handOver(EventSlot slot, EncodedEvent encoded) {
		EncodedEvent emptied = slot.encoded;
		slot.encoded = encoded;
		this.own.set((emptied != null) ? emptied : new EncodedEvent());
	}

}
