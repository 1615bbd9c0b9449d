package io.github.structuredlogging.level;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Lets DEBUG (not TRACE) events through, whatever the logger's level, on a thread working for a request that
 * asked for them: one whose MDC holds the marker key. Other requests, and the loggers' levels, stay as they are.
 */
public class RequestDebugTurboFilter extends TurboFilter {

	private final String markerKey;

	public RequestDebugTurboFilter(String markerKey) {
		this.markerKey = markerKey;
		setName("request-debug");
	}

	/**
	 * Stops and leaves the Logback context, so a closed application leaves no filter behind in the JVM-wide
	 * logging.
	 */
	@Override
	public void stop() {
		super.stop();
		if (getContext() instanceof LoggerContext loggerContext) {
			loggerContext.getTurboFilterList().remove(this);
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (level == null || level.levelInt != Level.DEBUG_INT || MDC.get(this.markerKey) == null) {
			return FilterReply.NEUTRAL;
		}
		return FilterReply.ACCEPT;
	}

}
