package io.github.structuredlogging.async;

import java.time.Duration;

import io.github.structuredlogging.validation.PowerOfTwo;
import io.github.structuredlogging.validation.Rate;
import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Settings for the asynchronous pipeline between the application's threads and the console and file outputs. The
 * defaults are those of {@link LogPipelineAppender}, spelled out so that IDEs can show them; the defaults that
 * depend on the profile are described on {@link io.github.structuredlogging.output.LoggingProfileDefaults}.
 */
@ConfigurationProperties(prefix = AsyncProperties.PREFIX)
public class AsyncProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.async";

	/**
	 * Whether console and file output go through the asynchronous pipeline. When off, events are written on the
	 * caller's thread and are neither sampled nor counted by the pipeline.
	 */
	private boolean enabled = true;

	/**
	 * Capacity of the queue, in events; a power of two.
	 */
	@PowerOfTwo
	private int queueSize = 8192;

	/**
	 * Most severe level that is dropped (and counted) when the queue is full: TRACE, DEBUG or INFO. More severe
	 * events are then written on the caller's thread instead.
	 */
	@NotNull
	private LogLevel dropLevel = LogLevel.INFO;

	/**
	 * How long a caller may wait for queue space before a droppable event is dropped; zero never blocks.
	 */
	@NotNull
	private Duration appendTimeout = Duration.ofMillis(0);

	/**
	 * How long queued events may take to be written when the application shuts down; droppable events still queued
	 * then are dropped and reported on stderr, more severe ones are still written.
	 */
	@NotNull
	private Duration drainTimeout = Duration.ofSeconds(5);

	/**
	 * Time between attempts to write to an output that failed.
	 */
	@NotNull
	private Duration retryInterval = Duration.ofSeconds(1);

	/**
	 * Where events that are never dropped go while the outputs fail.
	 */
	@NotNull
	private FallbackTarget fallbackTarget = FallbackTarget.STDERR;

	@Valid
	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	public LogLevel getDropLevel() {
		return this.dropLevel;
	}

	public void setDropLevel(LogLevel dropLevel) {
		if (dropLevel != null && dropLevel.ordinal() > LogLevel.INFO.ordinal()) {
			throw new IllegalArgumentException("must be TRACE, DEBUG or INFO: WARN and above are never dropped");
		}
		this.dropLevel = dropLevel;
	}

	public Duration getAppendTimeout() {
		return this.appendTimeout;
	}

	public void setAppendTimeout(Duration appendTimeout) {
		this.appendTimeout = appendTimeout;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public FallbackTarget getFallbackTarget() {
		return this.fallbackTarget;
	}

	public void setFallbackTarget(FallbackTarget fallbackTarget) {
		this.fallbackTarget = fallbackTarget;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * When the pipeline's health indicator reports it degraded.
	 */
	public static class Health {

		/**
		 * Fraction of accepted events dropped within the window above which the pipeline is reported degraded.
		 */
		@Rate
		private double dropRatioThreshold = 0.01;

		/**
		 * Period over which the recent drop ratio is computed.
		 */
		@NotNull
		private Duration window = Duration.ofMinutes(1);

		public double getDropRatioThreshold() {
			return this.dropRatioThreshold;
		}

		public void setDropRatioThreshold(double dropRatioThreshold) {
			this.dropRatioThreshold = dropRatioThreshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

}
