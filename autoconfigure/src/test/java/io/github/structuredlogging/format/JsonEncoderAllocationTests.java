package io.github.structuredlogging.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.support.AllocationMeter;
import io.github.structuredlogging.support.TypicalEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage made per event by the JSON encoder with default masking and limits, for a typical request event. A
 * change that adds garbage on this path costs every application on every event, so it fails here with the measured
 * figure. The budget is the figure measured when it was set (see {@code benchmarks/README.md}) plus about 10 %.
 */
class JsonEncoderAllocationTests {

	/** Encoding into the output's stream, the path every output takes: bytes allocated per event at most. */
	static final int BUDGET_BYTES = 1200;

	private static final int EVENTS = 10_000;

	private final LoggerContext context = new LoggerContext();

	private final StructuredJsonEncoder encoder = new JsonEncoderFactory(new LimitsProperties(),
			new MaskingProperties(), "order-service")
		.create(this.context);

	@AfterEach
	void stop() {
		this.encoder.stop();
		this.context.stop();
	}

	@Test
	void encodingATypicalEventIntoAStreamStaysWithinItsAllocationBudget() {
		this.encoder.start();
		LoggingEvent event = TypicalEvents.request(this.context);
		double bytes = bytesPerEvent(() -> encode(event));
		assertThat(bytes).as("bytes allocated per encoded event").isLessThanOrEqualTo(BUDGET_BYTES);
	}

	@Test
	void garbageAddedPerEventShowsInTheMeasure() {
		this.encoder.start();
		LoggingEvent event = TypicalEvents.request(this.context);
		double plain = bytesPerEvent(() -> encode(event));
		double withCopy = bytesPerEvent(() -> {
			encode(event);
			event.getFormattedMessage().getBytes();
		});
		assertThat(withCopy - plain).as("a copy of the message per event").isGreaterThan(40);
	}

	private double bytesPerEvent(Runnable perEvent) {
		return AllocationMeter.bytesPerEvent(EVENTS, List.of(Thread.currentThread()), () -> {
			for (int i = 0; i < EVENTS; i++) {
				perEvent.run();
			}
		});
	}

	private void encode(LoggingEvent event) {
		try {
			this.encoder.encode(event, OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
