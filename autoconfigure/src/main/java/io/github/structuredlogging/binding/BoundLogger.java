package io.github.structuredlogging.binding;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

import org.springframework.util.Assert;

/**
 * An SLF4J logger with key/value pairs bound to it: every event it writes carries them as SLF4J 2 key/value pairs,
 * which the JSON encoder renders as top-level fields next to the request context from the MDC.
 * <p>
 * Instances are immutable and safe to share between threads: {@link #bind(String, Object)} returns a new logger and
 * leaves this one as it was. The level is checked before anything else, so a call at a disabled level neither
 * formats the message nor touches the bound pairs.
 * <p>
 * Beyond the usual {@code trace..error} methods, {@link #atInfo()} and its siblings return SLF4J's fluent builder
 * with the bound pairs already added, for extra per-call pairs:
 * {@code log.atInfo().addKeyValue("order_id", id).log("Order placed")}.
 */
public final class BoundLogger {

	private static final String FQCN = BoundLogger.class.getName();

	private static final String[] NO_KEYS = new String[0];

	private static final Object[] NO_VALUES = new Object[0];

	private final Logger logger;

	private final String[] keys;

	private final Object[] values;

	private BoundLogger(Logger logger, String[] keys, Object[] values) {
		this.logger = logger;
		this.keys = keys;
		this.values = values;
	}

	/**
	 * A bound logger over the given SLF4J logger, with nothing bound yet.
	 * @param logger the logger that writes the events
	 * @return the bound logger
	 */
	public static BoundLogger of(Logger logger) {
		Assert.notNull(logger, "'logger' must not be null");
		return new BoundLogger(logger, NO_KEYS, NO_VALUES);
	}

	/**
	 * A bound logger named after the given class, with nothing bound yet.
	 * @param type the class the logger is named after
	 * @return the bound logger
	 */
	public static BoundLogger of(Class<?> type) {
		return of(LoggerFactory.getLogger(type));
	}

	/**
	 * Returns a logger that also carries the given pair; a key bound already gets the new value.
	 * @param key the field name
	 * @param value the field value, may be {@code null}
	 * @return a new logger, this one is unchanged
	 */
	public BoundLogger bind(String key, Object value) {
		Assert.hasText(key, "'key' must not be empty");
		int index = indexOf(key);
		if (index >= 0) {
			Object[] values = this.values.clone();
			values[index] = value;
			return new BoundLogger(this.logger, this.keys, values);
		}
		String[] keys = Arrays.copyOf(this.keys, this.keys.length + 1);
		Object[] values = Arrays.copyOf(this.values, this.values.length + 1);
		keys[this.keys.length] = key;
		values[this.values.length] = value;
		return new BoundLogger(this.logger, keys, values);
	}

	/**
	 * Returns a logger that also carries the given pairs, in the map's iteration order.
	 * @param pairs the fields to bind
	 * @return a new logger, this one is unchanged
	 */
	public BoundLogger bind(Map<String, ?> pairs) {
		BoundLogger bound = this;
		for (Map.Entry<String, ?> pair : pairs.entrySet()) {
			bound = bound.bind(pair.getKey(), pair.getValue());
		}
		return bound;
	}

	/**
	 * The pairs bound to this logger, in the order they were bound.
	 * @return an unmodifiable copy
	 */
	public Map<String, Object> boundPairs() {
		Map<String, Object> pairs = new LinkedHashMap<>();
		for (int i = 0; i < this.keys.length; i++) {
			pairs.put(this.keys[i], this.values[i]);
		}
		return Collections.unmodifiableMap(pairs);
	}

	/**
	 * The name of the underlying logger, which decides its level and appenders.
	 * @return the logger name
	 */
	public String getName() {
		return this.logger.getName();
	}

	private int indexOf(String key) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A fluent builder at the given level carrying the bound pairs, or a no-op builder when the level is disabled.
	 * @param level the level
	 * @return the builder
	 */
	public LoggingEventBuilder atLevel(Level level) {
		return this.logger.isEnabledForLevel(level) ? builder(level) : NOPLoggingEventBuilder.singleton();
	}

	private LoggingEventBuilder builder(Level level) {
		LoggingEventBuilder builder = this.logger.makeLoggingEventBuilder(level);
		if (builder instanceof CallerBoundaryAware boundaryAware) {
			// Caller data, when an appender asks for it, then names the application's code rather than this class.
			boundaryAware.setCallerBoundary(FQCN);
		}
		for (int i = 0; i < this.keys.length; i++) {
			builder.addKeyValue(this.keys[i], this.values[i]);
		}
		return builder;
	}

	public boolean isTraceEnabled() {
		return this.logger.isTraceEnabled();
	}

	public LoggingEventBuilder atTrace() {
		return this.logger.isTraceEnabled() ? builder(Level.TRACE) : NOPLoggingEventBuilder.singleton();
	}

	public void trace(String message) {
		if (this.logger.isTraceEnabled()) {
			builder(Level.TRACE).log(message);
		}
	}

	public void trace(String format, Object arg) {
		if (this.logger.isTraceEnabled()) {
			builder(Level.TRACE).log(format, arg);
		}
	}

	public void trace(String format, Object arg1, Object arg2) {
		if (this.logger.isTraceEnabled()) {
			builder(Level.TRACE).log(format, arg1, arg2);
		}
	}

	public void trace(String format, Object... args) {
		if (this.logger.isTraceEnabled()) {
			builder(Level.TRACE).log(format, args);
		}
	}

	public void trace(String message, Throwable cause) {
		if (this.logger.isTraceEnabled()) {
			builder(Level.TRACE).setCause(cause).log(message);
		}
	}

	public boolean isDebugEnabled() {
		return this.logger.isDebugEnabled();
	}

	public LoggingEventBuilder atDebug() {
		return this.logger.isDebugEnabled() ? builder(Level.DEBUG) : NOPLoggingEventBuilder.singleton();
	}

	public void debug(String message) {
		if (this.logger.isDebugEnabled()) {
			builder(Level.DEBUG).log(message);
		}
	}

	public void debug(String format, Object arg) {
		if (this.logger.isDebugEnabled()) {
			builder(Level.DEBUG).log(format, arg);
		}
	}

	public void debug(String format, Object arg1, Object arg2) {
		if (this.logger.isDebugEnabled()) {
			builder(Level.DEBUG).log(format, arg1, arg2);
		}
	}

	public void debug(String format, Object... args) {
		if (this.logger.isDebugEnabled()) {
			builder(Level.DEBUG).log(format, args);
		}
	}

	public void debug(String message, Throwable cause) {
		if (this.logger.isDebugEnabled()) {
			builder(Level.DEBUG).setCause(cause).log(message);
		}
	}

	public boolean isInfoEnabled() {
		return this.logger.isInfoEnabled();
	}

	public LoggingEventBuilder atInfo() {
		return this.logger.isInfoEnabled() ? builder(Level.INFO) : NOPLoggingEventBuilder.singleton();
	}

	public void info(String message) {
		if (this.logger.isInfoEnabled()) {
			builder(Level.INFO).log(message);
		}
	}

	public void info(String format, Object arg) {
		if (this.logger.isInfoEnabled()) {
			builder(Level.INFO).log(format, arg);
		}
	}

	public void info(String format, Object arg1, Object arg2) {
		if (this.logger.isInfoEnabled()) {
			builder(Level.INFO).log(format, arg1, arg2);
		}
	}

	public void info(String format, Object... args) {
		if (this.logger.isInfoEnabled()) {
			builder(Level.INFO).log(format, args);
		}
	}

	public void info(String message, Throwable cause) {
		if (this.logger.isInfoEnabled()) {
			builder(Level.INFO).setCause(cause).log(message);
		}
	}

	public boolean isWarnEnabled() {
		return this.logger.isWarnEnabled();
	}

	public LoggingEventBuilder atWarn() {
		return this.logger.isWarnEnabled() ? builder(Level.WARN) : NOPLoggingEventBuilder.singleton();
	}

	public void warn(String message) {
		if (this.logger.isWarnEnabled()) {
			builder(Level.WARN).log(message);
		}
	}

	public void warn(String format, Object arg) {
		if (this.logger.isWarnEnabled()) {
			builder(Level.WARN).log(format, arg);
		}
	}

	public void warn(String format, Object arg1, Object arg2) {
		if (this.logger.isWarnEnabled()) {
			builder(Level.WARN).log(format, arg1, arg2);
		}
	}

	public void warn(String format, Object... args) {
		if (this.logger.isWarnEnabled()) {
			builder(Level.WARN).log(format, args);
		}
	}

	public void warn(String message, Throwable cause) {
		if (this.logger.isWarnEnabled()) {
			builder(Level.WARN).setCause(cause).log(message);
		}
	}

	public boolean isErrorEnabled() {
		return this.logger.isErrorEnabled();
	}

	public LoggingEventBuilder atError() {
		return this.logger.isErrorEnabled() ? builder(Level.ERROR) : NOPLoggingEventBuilder.singleton();
	}

	public void error(String message) {
		if (this.logger.isErrorEnabled()) {
			builder(Level.ERROR).log(message);
		}
	}

	public void error(String format, Object arg) {
		if (this.logger.isErrorEnabled()) {
			builder(Level.ERROR).log(format, arg);
		}
	}

	public void error(String format, Object arg1, Object arg2) {
		if (this.logger.isErrorEnabled()) {
			builder(Level.ERROR).log(format, arg1, arg2);
		}
	}

	public void error(String format, Object... args) {
		if (this.logger.isErrorEnabled()) {
			builder(Level.ERROR).log(format, args);
		}
	}

	public void error(String message, Throwable cause) {
		if (this.logger.isErrorEnabled()) {
			builder(Level.ERROR).setCause(cause).log(message);
		}
	}

	@Override
	public String toString() {
		return "BoundLogger[" + getName() + ", " + boundPairs() + "]";
	}

}
