package io.github.structuredlogging.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * Readies an event on the logging thread for the writer thread, as {@link ILoggingEvent#prepareForDeferredProcessing}
 * does: the message is formatted and the thread name and MDC taken while the arguments and the thread's context
 * are still the caller's. Logback formats with SLF4J's {@code MessageFormatter}, which builds a
 * {@code StringBuilder} of the pattern's length plus 50 characters and a string for each number it appends, about
 * a hundred bytes per typical event before the message itself. Here the message is formatted into a buffer each
 * thread keeps (see {@link MessagePatterns}) and stored where {@link LoggingEvent} keeps its formatted message, so
 * every output reads exactly the text Logback would have made. Where that field cannot be reached (Logback on the
 * module path, or another version of it) or an argument needs SLF4J's own formatting, Logback formats as usual.
 */
final class EventPreparation {

	/** Buffers that grew beyond this many characters are not kept: a rare long message must not pin memory. */
	private static final int KEPT_CAPACITY = 1024;

	private static final VarHandle FORMATTED_MESSAGE = formattedMessage();

	private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

	private EventPreparation() {
	}

	static void prepare(ILoggingEvent event) {
		if (FORMATTED_MESSAGE != null && event.getClass() == LoggingEvent.class
				&& FORMATTED_MESSAGE.get(event) == null) {
			String message = format((LoggingEvent) event);
			if (message != null) {
				FORMATTED_MESSAGE.set(event, message);
			}
		}
		event.prepareForDeferredProcessing();
	}

	/**
	 * Whether messages are formatted here rather than by Logback.
	 */
	static boolean isAvailable() {
		return FORMATTED_MESSAGE != null;
	}

	private static String format(LoggingEvent event) {
		String pattern = event.getMessage();
		Object[] arguments = event.getArgumentArray();
		if (pattern == null || arguments == null || arguments.length == 0 || (event.getThrowableProxy() == null
				&& arguments[arguments.length - 1] instanceof Throwable)) {
			// Nothing to fill in, or an exception SLF4J would take out of the arguments itself.
			return null;
		}
		Buffer buffer = BUFFER.get();
		if (buffer.inUse) {
			// An argument's toString logged to another pipeline: the outer message is still in the buffer.
			return null;
		}
		buffer.inUse = true;
		try {
			return MessagePatterns.formatInto(buffer.text, pattern, arguments) ? buffer.text.toString() : null;
		}
		finally {
			buffer.release();
		}
	}

	private static VarHandle formattedMessage() {
		try {
			return MethodHandles.privateLookupIn(LoggingEvent.class, MethodHandles.lookup())
				.findVarHandle(LoggingEvent.class, "formattedMessage", String.class);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static final class Buffer {

		private StringBuilder text = new StringBuilder(256);

		private boolean inUse;

		void release() {
			if (this.text.capacity() > KEPT_CAPACITY) {
				this.text = new StringBuilder(256);
			}
			else {
				this.text.setLength(0);
			}
			this.inUse = false;
		}

	}

}
