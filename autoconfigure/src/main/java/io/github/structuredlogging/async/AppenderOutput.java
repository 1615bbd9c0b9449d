package io.github.structuredlogging.async;

import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.recovery.RecoveryListener;
import ch.qos.logback.core.recovery.ResilientOutputStreamBase;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A Logback appender behind the pipeline (Spring Boot's console and file appenders), and whether a write to it
 * really reached its output. Logback's own stream appenders are written through a {@link DirectStreamWriter}, which
 * makes no {@code byte[]} per event; any other appender through its {@code doAppend}. Logback appenders report write
 * errors to the status manager rather than to the caller: an {@code OutputStreamAppender} stops itself on an
 * {@code IOException}, and a file appender's resilient stream silently discards writes until it has reopened the
 * file. Both are turned here into a failure the pipeline can act on.
 */
final class AppenderOutput implements PipelineOutput, RecoveryListener {

	private final Appender<ILoggingEvent> appender;

	/** Set for Logback's own stream appenders, which the pipeline writes without a {@code byte[]} per event. */
	private final DirectStreamWriter directWriter;

	private volatile OutputStream watchedStream;

	private volatile IOException streamFailure;

	AppenderOutput(Appender<ILoggingEvent> appender) {
		this.appender = appender;
		this.directWriter = DirectStreamWriter.forAppender(appender);
	}

	Appender<ILoggingEvent> appender() {
		return this.appender;
	}

	@Override
	public String name() {
		return this.appender.getName();
	}

	/**
	 * Whether the appender's own filters let the event through; Spring Boot's console and file appenders carry a
	 * threshold filter ({@code logging.threshold.*}).
	 * @param event the event
	 * @return {@code false} when a filter denies it
	 */
	@Override
	public boolean accepts(ILoggingEvent event) {
		return this.appender.getFilterChainDecision(event) != FilterReply.DENY;
	}

	/**
	 * Writes the event.
	 * @param event the event
	 * @return {@code null} when the event reached the output, otherwise why it did not
	 */
	@Override
	public Throwable write(ILoggingEvent event) {
		watchStream();
		IOException failedBefore = this.streamFailure;
		try {
			if (this.directWriter != null) {
				if (this.appender.isStarted()) {
					this.directWriter.write(event);
				}
			}
			else {
				this.appender.doAppend(event);
			}
		}
		catch (RuntimeException | IOException ex) {
			return ex;
		}
		if (!this.appender.isStarted()) {
			return new IOException("Output '" + this.appender.getName()
					+ "' stopped itself after a write error; Logback's status holds the cause");
		}
		IOException failedAfter = this.streamFailure;
		// A resilient stream that was failing discards the write even when it reopens the file during it.
		return (failedBefore != null) ? failedBefore : failedAfter;
	}

	/**
	 * Flushes the output once for the events written since the last flush.
	 * @return {@code null} on success, otherwise the failure
	 */
	@Override
	public Throwable flush() {
		if (this.directWriter != null) {
			try {
				this.directWriter.flush();
			}
			catch (IOException ex) {
				return ex;
			}
		}
		else if (this.appender instanceof OutputStreamAppender<?> streamAppender && streamAppender.isStarted()) {
			OutputStream stream = streamAppender.getOutputStream();
			if (stream != null) {
				try {
					stream.flush();
				}
				catch (IOException ex) {
					return ex;
				}
			}
		}
		return this.streamFailure;
	}

	/**
	 * Makes a failed output ready for the next attempt: an appender that stopped itself on a write error is started
	 * again, which reopens its file or stream.
	 */
	@Override
	public void restartIfStopped() {
		if (!this.appender.isStarted()) {
			this.appender.start();
		}
	}

	@Override
	public void stop() {
		this.appender.stop();
	}

	@Override
	public void newFailure(IOException failure) {
		this.streamFailure = failure;
	}

	@Override
	public void recoveryOccured() {
		this.streamFailure = null;
	}

	private void watchStream() {
		if (this.appender instanceof OutputStreamAppender<?> streamAppender) {
			OutputStream stream = streamAppender.getOutputStream();
			if (stream != this.watchedStream) {
				synchronized (this) {
					if (stream != this.watchedStream) {
						// Rolling and restarting replace the stream; a new one starts out healthy.
						if (stream instanceof ResilientOutputStreamBase resilient) {
							resilient.addRecoveryListener(this);
						}
						this.streamFailure = null;
						this.watchedStream = stream;
					}
				}
			}
		}
	}

}
