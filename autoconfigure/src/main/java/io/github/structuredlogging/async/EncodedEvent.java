package io.github.structuredlogging.async;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.output.EventBuffer;

/**
 * An event's bytes as one output's encoder wrote them on the caller's thread (see {@link CallerEncoding}), so that
 * the writer copies them instead of encoding the event again. Each caller thread and each ring slot that has held
 * such bytes keeps one for good; the slot's is empty (no {@link #encoder}) once the writer has taken its bytes.
 */
final class EncodedEvent {

	/** Small enough that a slot keeps little after an unusually large event, large enough for a typical one. */
	private static final int INITIAL_BYTES = 512;

	final EventBuffer bytes = new EventBuffer(INITIAL_BYTES);

	/** The encoder that wrote {@link #bytes}, {@code null} while they hold no event. */
	Encoder<ILoggingEvent> encoder;

	/**
	 * Whether these are the event's bytes in the given encoder's format.
	 * @param encoder the output's encoder now
	 * @return {@code true} when that encoder wrote them
	 */
	boolean isBy(Encoder<ILoggingEvent> encoder) {
		return this.encoder != null && this.encoder == encoder;
	}

}
