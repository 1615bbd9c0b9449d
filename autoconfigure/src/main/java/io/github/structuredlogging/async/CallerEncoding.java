package io.github.structuredlogging.async;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.lmax.disruptor.Sequence;
import net.logstash.logback.encoder.StreamingEncoder;

/**
 * Encoding on the caller's thread while the writer falls behind. The writer is the bottleneck of a busy pipeline:
 * encoding is most of its work per event, and it does it alone while callers that wait for room sit idle. So while
 * more than half a queue of events waits for the writer to encode them, a caller whose event will not be dropped for
 * want of room encodes it itself, for the first output written straight to its stream, and the writer only copies
 * the bytes. The output, its rolling and its accounting stay the writer's; only the encoder's work moves.
 * <p>
 * The backlog counted is of the events the writer still has to encode, not of all queued ones: events encoded by
 * their callers cost the writer little, and counting them would let callers encode until the writer, having raced
 * through them, waited for each next event and flushed its output once per event.
 * <p>
 * Each caller thread encodes into an {@link EncodedEvent} of its own and exchanges its bytes with those the slot it
 * claims holds, which the writer has spent: once every slot has had some, nothing is allocated per event.
 */
final class CallerEncoding {

	private final ThreadLocal<EncodedEvent> own = ThreadLocal.withInitial(EncodedEvent::new);

	private final long backlogLimit;

	/** Events encoded by their callers and queued: written by callers only while they share the writer's work. */
	private final AtomicLong queued = new AtomicLong();

	/** Of those, the ones the writer has taken: written by the writer alone. */
	private final Sequence taken = new Sequence(0);

	/**
	 * @param backlogLimit events left for the writer to encode beyond which callers encode theirs
	 */
	CallerEncoding(long backlogLimit) {
		this.backlogLimit = backlogLimit;
	}

	/**
	 * Whether the writer is so far behind that a caller should encode its event.
	 * @param queued the events queued and not yet taken by the writer
	 * @return {@code true} when more than the limit of them are left for the writer to encode
	 */
	boolean writerBehind(long queued) {
		return queued > this.backlogLimit
				&& queued - (this.queued.get() - this.taken.get()) > this.backlogLimit;
	}

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
	 * Hands this thread's encoded bytes to the slot, taking the slot's spent ones in exchange, so that a thread
	 * keeps one buffer of its own for good.
	 * @param slot the claimed, not yet published slot
	 * @param encoded what {@link #encode} returned
	 */
	void handOver(EventSlot slot, EncodedEvent encoded) {
		EncodedEvent held = slot.encoded;
		if (held == null) {
			held = new EncodedEvent();
			slot.encoded = held;
		}
		held.bytes.exchange(encoded.bytes);
		held.encoder = encoded.encoder;
		encoded.encoder = null;
		this.queued.incrementAndGet();
	}

	/**
	 * Events encoded by their callers and queued.
	 * @return the count since the pipeline started
	 */
	long handedOver() {
		return this.queued.get();
	}

	/**
	 * Called by the writer for each event it takes that its caller encoded.
	 */
	void taken() {
		this.taken.set(this.taken.get() + 1);
	}

}
