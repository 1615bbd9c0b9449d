package io.github.structuredlogging.async;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.support.AllocationMeter;
import io.github.structuredlogging.support.TypicalEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage made per event when a caller encodes it and the writer copies its bytes ({@link CallerEncoding}), against
 * the writer encoding it into the output's buffer itself: none, once every slot has had bytes of its own. Both on
 * one thread, so only the path differs.
 */
class CallerEncodingAllocationTests {

	private static final int EVENTS = 10_000;

	private static final int SLOTS = 64;

	/** What encoding on the caller may add: nothing, give or take measuring noise. */
	private static final int BUDGET_BYTES = 2;

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final DirectStreamWriter writer = DirectStreamWriter
		.forAppender(PipelineTestSupport.output(this.context, "OUT", OutputStream.nullOutputStream()));

	private final CallerEncoding callerEncoding = new CallerEncoding(SLOTS / 2);

	private final EventSlot[] slots = new EventSlot[SLOTS];

	private final LoggingEvent event = TypicalEvents.request(this.context);

	CallerEncodingAllocationTests() {
		for (int i = 0; i < SLOTS; i++) {
			this.slots[i] = new EventSlot();
		}
		EventPreparation.prepare(this.event);
	}

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void encodingOnTheCallerAddsNoGarbageToEncodingOnTheWriter() {
		double byTheWriter = bytesPerEvent((slot) -> write(null));
		double byTheCaller = bytesPerEvent(this::encodeOnTheCallerAndCopy);
		assertThat(this.callerEncoding.handedOver()).isPositive();
		assertThat(byTheCaller - byTheWriter).as("bytes per event the caller's encoding adds to the writer's %.0f",
				byTheWriter)
			.isLessThanOrEqualTo(BUDGET_BYTES);
	}

	@Test
	void garbageOnTheCallersPathShowsInTheMeasure() {
		double plain = bytesPerEvent(this::encodeOnTheCallerAndCopy);
		double withGarbage = bytesPerEvent((slot) -> {
			new StringBuilder(64).append(slot.hashCode());
			encodeOnTheCallerAndCopy(slot);
		});
		assertThat(withGarbage - plain).as("a StringBuilder per event on the caller").isGreaterThan(BUDGET_BYTES);
	}

	private void encodeOnTheCallerAndCopy(EventSlot slot) {
		this.callerEncoding.handOver(slot, this.callerEncoding.encode(this.event, this.writer));
		EncodedEvent encoded = slot.encodedByCaller();
		this.callerEncoding.taken();
		write(encoded);
		encoded.encoder = null;
	}

	private void write(EncodedEvent encoded) {
		try {
			this.writer.write(this.event, encoded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs the path for each event through the slots in turn, flushing after each round of them, as a batch. */
	private double bytesPerEvent(Consumer<EventSlot> path) {
		return AllocationMeter.bytesPerEvent(EVENTS, List.of(Thread.currentThread()), () -> {
			for (int i = 0; i < EVENTS; i++) {
				path.accept(this.slots[i % SLOTS]);
				if (i % SLOTS == SLOTS - 1) {
					try {
						this.writer.flush();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		});
	}

}
