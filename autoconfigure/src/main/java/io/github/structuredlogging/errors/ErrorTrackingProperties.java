package io.github.structuredlogging.errors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for tracking ERROR events: how they are counted, and when their rate raises an alert.
 */
@ConfigurationProperties(prefix = ErrorTrackingProperties.PREFIX)
public class ErrorTrackingProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.errors";

	/**
	 * Whether to track ERROR events, count them and raise alerts.
	 */
	private boolean enabled = true;

	/**
	 * Most distinct exception types counted under their own tag; further types are counted as "other".
	 */
	@Positive
	private int maxExceptionTags = 50;

	/**
	 * Most distinct loggers counted under their own tag; further loggers are counted as "other".
	 */
	@Positive
	private int maxLoggerTags = 50;

	/**
	 * When to raise an alert.
	 */
	@Valid
	private final Alert alert = new Alert();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxExceptionTags() {
		return this.maxExceptionTags;
	}

	public void setMaxExceptionTags(int maxExceptionTags) {
		this.maxExceptionTags = maxExceptionTags;
	}

	public int getMaxLoggerTags() {
		return this.maxLoggerTags;
	}

	public void setMaxLoggerTags(int maxLoggerTags) {
		this.maxLoggerTags = maxLoggerTags;
	}

	public Alert getAlert() {
		return this.alert;
	}

	/**
	 * Sliding-window thresholds. An alert is raised when the count within the window reaches the threshold, and at
	 * most once per window for the same key.
	 */
	public static class Alert {

		/**
		 * Whether to raise alerts; counting goes on either way.
		 */
		private boolean enabled = true;

		/**
		 * Number of ERROR events, of any type, within the window that raises an alert. At most 100000, as the time
		 * of each counted event is kept.
		 */
		@Positive
		@Max(100_000)
		private int threshold = 50;

		/**
		 * Length of the sliding window.
		 */
		@NotNull
		@DurationMin(seconds = 1)
		private Duration window = Duration.ofMinutes(1);

		/**
		 * Thresholds of their own for exception types, by fully qualified class name (in properties files, put the
		 * name in brackets). Each raises its own alert, beside the one for all types.
		 */
		@NotNull
		private Map<String, @NotNull @Positive @Max(100_000) Integer> exceptions = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			this.threshold = threshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Map<String, Integer> getExceptions() {
			return this.exceptions;
		}

		public void setExceptions(Map<String, Integer> exceptions) {
			this.exceptions = exceptions;
		}

	}

}
