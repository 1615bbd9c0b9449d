package io.github.structuredlogging.errors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Feeds the ERROR events that reach Logback's root logger to the {@link ErrorTracker}. Installed on the root logger
 * by the auto-configuration and removed again when the application context closes, so a closed application leaves
 * nothing behind in the JVM-wide Logback context.
 */
public class ErrorTrackingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> implements AutoCloseable {

	static final String NAME = "STRUCTURED_LOGGING_ERROR_TRACKING";

	private final ErrorTracker tracker;

	private Logger root;

	public ErrorTrackingAppender(ErrorTracker tracker) {
		this.tracker = tracker;
		setName(NAME);
	}

	/**
	 * Starts the appender and attaches it to the root logger of a context.
	 * @param context the Logback context
	 */
	public void install(LoggerContext context) {
		setContext(context);
		start();
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.root.addAppender(this);
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getLevel() == Level.ERROR) {
			IThrowableProxy throwable = event.getThrowableProxy();
			this.tracker.record((throwable != null) ? throwable.getClassName() : ErrorTracker.NO_EXCEPTION,
					event.getLoggerName());
		}
	}

	@Override
	public void close() {
		if (this.root != null) {
			this.root.detachAppender(this);
		}
		stop();
	}

}
