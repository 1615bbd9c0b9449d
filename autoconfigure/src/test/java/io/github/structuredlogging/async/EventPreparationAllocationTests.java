package io.github.structuredlogging.async;

import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.support.AllocationMeter;
import io.github.structuredlogging.support.TypicalEvents;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link EventPreparation} saves on the caller's thread against Logback's own preparation of the same event.
 */
class EventPreparationAllocationTests {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void allocatesLessThanLogbackForTheTypicalEvent() {
		List<Thread> caller = List.of(Thread.currentThread());
		double logback = AllocationMeter.bytesPerEvent(10_000, caller,
				() -> prepareTypicalEvents(LoggingEvent::prepareForDeferredProcessing));
		double here = AllocationMeter.bytesPerEvent(10_000, caller,
				() -> prepareTypicalEvents(EventPreparation::prepare));
		// The event itself is the same in both; the difference is SLF4J's builder and the number's string (288 B
		// measured with escape analysis off).
		assertThat(logback - here).as("bytes per event saved (Logback %.1f B, here %.1f B)", logback, here)
			.isGreaterThan(200);
	}

	private void prepareTypicalEvents(Consumer<LoggingEvent> preparation) {
		for (int i = 0; i < 10_000; i++) {
			preparation.accept(TypicalEvents.request(this.context));
		}
	}

}
