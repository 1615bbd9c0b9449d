package io.github.structuredlogging.async;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.LengthCounter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TriggeringPolicy;
import io.github.structuredlogging.output.EventBuffer;
import net.logstash.logback.encoder.StreamingEncoder;

/**
 * Writes events for one of Logback's own stream appenders (Spring Boot's CONSOLE and FILE are two) as the appender
 * would, but encodes each event straight into a reusable buffer, with a {@link StreamingEncoder} as the starter's
 * encoders are, and hands the stream one write per batch (or per {@value #CHUNK_BYTES} bytes). Logback's
 * {@code OutputStreamAppender.writeOut} instead asks the encoder for a {@code byte[]} per event and writes each on
 * its own, which for the console is a system call per event.
 * <p>
 * Only Logback's own classes are written this way, because a subclass may change how an event is written; a file
 * appender in prudent mode locks the file per event and is left to itself too. What the appender does around the
 * write is kept: a rolling file appender's triggering policy is asked before every event, rolls over after the
 * events before it are written, and its length counter sees every byte. The pipeline is the only one writing to
 * the appender (it detached it from its logger), so the guard here, against a caller writing an event that must not
 * be dropped while the queue is full, is all the locking the stream needs.
 */
final class DirectStreamWriter {

	/** Bytes gathered before they are handed to the stream mid-batch: the size of a file appender's own buffer. */
	static final int CHUNK_BYTES = 8192;

	private static final Set<Class<?>> LOGBACK_STREAM_APPENDERS = Set.of(OutputStreamAppender.class,
			ConsoleAppender.class, FileAppender.class, RollingFileAppender.class);

	private final OutputStreamAppender<ILoggingEvent> appender;

	private final RollingFileAppender<ILoggingEvent> rolling;

	private final EventBuffer buffer = new EventBuffer(CHUNK_BYTES);

	private String activeFileName;

	private File activeFile;

	private DirectStreamWriter(OutputStreamAppender<ILoggingEvent> appender) {
		this.appender = appender;
		this.rolling = (appender instanceof RollingFileAppender<ILoggingEvent> rollingAppender) ? rollingAppender
				: null;
	}

	/**
	 * A writer for the appender, if it is one of Logback's own stream appenders.
	 * @param appender the appender
	 * @return the writer, or {@code null} when the appender must write its events itself
	 */
	static DirectStreamWriter forAppender(Appender<ILoggingEvent> appender) {
		if (!LOGBACK_STREAM_APPENDERS.contains(appender.getClass())
				|| (appender instanceof FileAppender<?> file && file.isPrudent())) {
			return null;
		}
		return new DirectStreamWriter((OutputStreamAppender<ILoggingEvent>) appender);
	}

	/**
	 * Encodes the event into the batch, writing out what was gathered when it is large enough or the file rolls.
	 * An event the encoder fails on is reported to the appender's status, as Logback's {@code doAppend} does, and
	 * leaves nothing in the batch.
	 * @param event the event
	 * @throws IOException when the stream fails
	 */
	synchronized void write(ILoggingEvent event) throws IOException {
		rollOverIfTriggered(event);
		Encoder<ILoggingEvent> encoder = this.appender.getEncoder();
		int mark = this.buffer.size();
		try {
			if (encoder instanceof StreamingEncoder<?>) {
				((StreamingEncoder<ILoggingEvent>) encoder).encode(event, this.buffer);
			}
			else {
				this.buffer.write(encoder.encode(event));
			}
		}
		catch (RuntimeException ex) {
			this.buffer.rewind(mark);
			this.appender.addError("Appender [" + this.appender.getName() + "] failed to encode an event", ex);
			return;
		}
		if (this.buffer.size() >= CHUNK_BYTES) {
			writeOut();
		}
	}

	/**
	 * Writes out the batch and flushes the stream.
	 * @throws IOException when the stream fails
	 */
	synchronized void flush() throws IOException {
		writeOut();
		OutputStream stream = this.appender.getOutputStream();
		if (stream != null) {
			stream.flush();
		}
	}

	private void writeOut() throws IOException {
		int size = this.buffer.size();
		OutputStream stream = this.appender.getOutputStream();
		if (size == 0 || stream == null) {
			this.buffer.rewind(0);
			return;
		}
		this.buffer.writeTo(stream);
		if (this.rolling != null) {
			LengthCounter counter = this.rolling.getTriggeringPolicy().getLengthCounter();
			if (counter != null) {
				counter.add(size);
			}
		}
	}

	/**
	 * Asks the triggering policy before every event, as {@code RollingFileAppender.subAppend} does; the events
	 * gathered so far go to the file they were meant for before it rolls.
	 */
	private void rollOverIfTriggered(ILoggingEvent event) throws IOException {
		if (this.rolling == null) {
			return;
		}
		String fileName = this.rolling.getFile();
		if (!fileName.equals(this.activeFileName)) {
			this.activeFileName = fileName;
			this.activeFile = new File(fileName);
		}
		TriggeringPolicy<ILoggingEvent> policy = this.rolling.getTriggeringPolicy();
		if (policy.isTriggeringEvent(this.activeFile, event)) {
			writeOut();
			this.rolling.rollover();
		}
	}

}
