package io.github.structuredlogging.async;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventPreparation}: the event leaves the caller with the message, thread name and MDC Logback would have
 * given it (what it saves is in {@link EventPreparationAllocationTests}).
 */
class EventPreparationTests {

	// SLF4J's own context, whose MDC adapter is the one {@link MDC} writes to.
	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void formatsHereWithThisLogback() {
		// Without this the rest would pass with Logback formatting every message itself.
		assertThat(EventPreparation.isAvailable()).isTrue();
	}

	@Test
	void preparedEventCarriesWhatLogbackWouldHaveMade() {
		MDC.put("correlation_id", "abc-123");
		try {
			LoggingEvent prepared = event("Kept \\{}: order {} placed for {} items", "7f3c", 3L);
			LoggingEvent byLogback = event("Kept \\{}: order {} placed for {} items", "7f3c", 3L);
			EventPreparation.prepare(prepared);
			byLogback.prepareForDeferredProcessing();
			MDC.put("correlation_id", "changed after the call");
			assertThat(prepared.getFormattedMessage()).isEqualTo(byLogback.getFormattedMessage())
				.isEqualTo("Kept {}: order 7f3c placed for 3 items");
			assertThat(prepared.getMDCPropertyMap()).containsEntry("correlation_id", "abc-123");
			assertThat(prepared.getThreadName()).isEqualTo(Thread.currentThread().getName());
		}
		finally {
			MDC.clear();
		}
	}

	@Test
	void messageIsTheArgumentsAsTheyWereWhenLogged() {
		StringBuilder mutable = new StringBuilder("before");
		LoggingEvent event = event("value {}", mutable);
		EventPreparation.prepare(event);
		mutable.replace(0, mutable.length(), "after");
		assertThat(event.getFormattedMessage()).isEqualTo("value before");
	}

	@Test
	void leavesLogbackToFormatWhatSlf4jFormatsItsOwnWay() {
		LoggingEvent array = event("values {}", new int[] { 1, 2 });
		LoggingEvent failing = event("value {}", new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("no text");
			}
		});
		LoggingEvent trailingException = new LoggingEvent(getClass().getName(), this.context.getLogger("test"),
				Level.INFO, "failed {}", null, new Object[] { "x" });
		EventPreparation.prepare(array);
		EventPreparation.prepare(failing);
		EventPreparation.prepare(trailingException);
		assertThat(array.getFormattedMessage()).isEqualTo("values [1, 2]");
		assertThat(failing.getFormattedMessage()).isEqualTo("value [FAILED toString()]");
		assertThat(trailingException.getFormattedMessage()).isEqualTo("failed x");
	}

	@Test
	void anExceptionLastIsNotPartOfTheMessage() {
		IllegalStateException failure = new IllegalStateException("boom");
		LoggingEvent event = event("failed {} {}", "order-1", failure);
		EventPreparation.prepare(event);
		assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
		assertThat(event.getFormattedMessage()).isEqualTo("failed order-1 {}");
	}

	@Test
	void anArgumentThatLogsWhileItIsFormattedGetsItsOwnBuffer() {
		Object logsWhileFormatted = new Object() {
			@Override
			public String toString() {
				LoggingEvent inner = event("inner {}", "message");
				EventPreparation.prepare(inner);
				return inner.getFormattedMessage();
			}
		};
		LoggingEvent outer = event("outer {} and {}", "first", logsWhileFormatted);
		EventPreparation.prepare(outer);
		assertThat(outer.getFormattedMessage()).isEqualTo("outer first and inner message");
	}

	@Test
	void aLongMessageIsFormattedWhole() {
		String longArgument = "x".repeat(5000);
		LoggingEvent event = event("long {} end", longArgument);
		EventPreparation.prepare(event);
		assertThat(event.getFormattedMessage()).isEqualTo("long " + longArgument + " end");
		LoggingEvent next = event("short {}", 1);
		EventPreparation.prepare(next);
		assertThat(next.getFormattedMessage()).isEqualTo("short 1");
	}

	private LoggingEvent event(String message, Object... arguments) {
		return new LoggingEvent(getClass().getName(), this.context.getLogger("test"), Level.INFO, message, null,
				arguments);
	}

}
