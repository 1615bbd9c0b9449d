package io.github.structuredlogging.level;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Logger levels set for a stated time. When the time is up the level the logger had before is restored, unless
 * someone has set another level in the meantime (that change wins). Nothing is persisted, and closing restores
 * every level still set, so a restart never keeps a forgotten DEBUG.
 */
public class TemporaryLevels implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TemporaryLevels.class);

	private final LoggingSystem loggingSystem;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final Map<String, Change> changes = new ConcurrentHashMap<>();

	public TemporaryLevels(LoggingSystem loggingSystem, Clock clock) {
		this.loggingSystem = loggingSystem;
		this.clock = clock;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "log-level-revert");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sets a logger's level until the duration has passed. Setting it again before then replaces the level and the
	 * time, and still restores the level it had before the first change.
	 * @param loggerName the logger, "ROOT" for the root logger
	 * @param level the level to set
	 * @param duration how long it lasts
	 * @return the change
	 */
	public synchronized Change set(String loggerName, LogLevel level, Duration duration) {
		Change earlier = this.changes.remove(loggerName);
		LogLevel previous;
		if (earlier != null) {
			earlier.revert().cancel(false);
			previous = earlier.previous();
		}
		else {
			previous = configuredLevel(loggerName);
		}
		this.loggingSystem.setLogLevel(loggerName, level);
		Instant until = this.clock.instant().plus(duration);
		ScheduledFuture<?> revert = this.scheduler.schedule(() -> expire(loggerName), duration.toNanos(),
				TimeUnit.NANOSECONDS);
		Change change = new Change(loggerName, level, previous, until, revert);
		this.changes.put(loggerName, change);
		log.info("Logger {} set to {} until {}, then back to {}", loggerName, level, until,
				(previous != null) ? previous : "inherited");
		return change;
	}

	/**
	 * Restores a logger's level now.
	 * @param loggerName the logger
	 * @return whether the logger had a temporary level
	 */
	public synchronized boolean revert(String loggerName) {
		Change change = this.changes.remove(loggerName);
		if (change == null) {
			return false;
		}
		change.revert().cancel(false);
		restore(change);
		return true;
	}

	/**
	 * The levels currently set, by logger name.
	 * @return the changes
	 */
	public Map<String, Change> active() {
		return new TreeMap<>(this.changes);
	}

	@Override
	public synchronized void close() {
		this.scheduler.shutdownNow();
		this.changes.values().forEach(this::restore);
		this.changes.clear();
	}

	private synchronized void expire(String loggerName) {
		Change change = this.changes.remove(loggerName);
		if (change != null) {
			restore(change);
		}
	}

	private void restore(Change change) {
		LogLevel current = configuredLevel(change.logger());
		if (current != change.level()) {
			log.info("Logger {} left at {}: its level was changed after the temporary {}", change.logger(), current,
					change.level());
			return;
		}
		this.loggingSystem.setLogLevel(change.logger(), change.previous());
		log.info("Logger {} back to {}", change.logger(), (change.previous() != null) ? change.previous() : "inherited");
	}

	private LogLevel configuredLevel(String loggerName) {
		LoggerConfiguration configuration = this.loggingSystem.getLoggerConfiguration(loggerName);
		return (configuration != null) ? configuration.getConfiguredLevel() : null;
	}

	/**
	 * A level set for a time.
	 *
	 * @param logger the logger name
	 * @param level the level set
	 * @param previous the level restored afterwards, {@code null} to inherit the parent's
	 * @param until when it is restored
	 * @param revert the scheduled restore
	 */
	public record Change(String logger, LogLevel level, LogLevel previous, Instant until, ScheduledFuture<?> revert) {

	}

}
