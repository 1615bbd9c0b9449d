package io.github.structuredlogging.performance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Settings for {@link LogPerformance @LogPerformance}.
 */
@ConfigurationProperties(prefix = PerformanceProperties.PREFIX)
public class PerformanceProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.performance";

	/**
	 * Whether to measure @LogPerformance methods; when off, the annotation has no effect.
	 */
	private boolean enabled = true;

	/**
	 * Name of the logger the measurements are written to, so they can be leveled or routed on their own.
	 */
	@NotBlank
	private String loggerName = "performance";

	/**
	 * Level of the event of a successful call; OFF writes none (the timer still records).
	 */
	@NotNull
	private LogLevel successLevel = LogLevel.INFO;

	/**
	 * Level of the event of a successful call that reached its slow threshold.
	 */
	@NotNull
	private LogLevel slowLevel = LogLevel.WARN;

	/**
	 * Level of the event of a failed or cancelled call.
	 */
	@NotNull
	private LogLevel failureLevel = LogLevel.WARN;

	/**
	 * Duration from which a successful call counts as slow, for operations that set no threshold of their own.
	 */
	@NotNull
	private Duration slowThreshold = Duration.ofSeconds(1);

	/**
	 * Timing of operations in a Micrometer timer.
	 */
	@Valid
	private final Metrics metrics = new Metrics();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLoggerName() {
		return this.loggerName;
	}

	public void setLoggerName(String loggerName) {
		this.loggerName = loggerName;
	}

	public LogLevel getSuccessLevel() {
		return this.successLevel;
	}

	public void setSuccessLevel(LogLevel successLevel) {
		this.successLevel = successLevel;
	}

	public LogLevel getSlowLevel() {
		return this.slowLevel;
	}

	public void setSlowLevel(LogLevel slowLevel) {
		this.slowLevel = slowLevel;
	}

	public LogLevel getFailureLevel() {
		return this.failureLevel;
	}

	public void setFailureLevel(LogLevel failureLevel) {
		this.failureLevel = failureLevel;
	}

	public Duration getSlowThreshold() {
		return this.slowThreshold;
	}

	public void setSlowThreshold(Duration slowThreshold) {
		this.slowThreshold = slowThreshold;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public static class Metrics {

		/**
		 * Whether to record a timer per operation, tagged with outcome and exception.
		 */
		private boolean enabled = true;

		/**
		 * Name of the timer; each operation is a value of its "operation" tag.
		 */
		@NotBlank
		private String name = "logging.performance";

		/**
		 * Percentiles computed in the application and published with each timer, such as 0.5, 0.95, 0.99.
		 */
		private List<@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double> percentiles = new ArrayList<>();

		/**
		 * Whether to publish a percentile histogram, for percentiles aggregated by the metrics backend.
		 */
		private boolean percentilesHistogram = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public List<Double> getPercentiles() {
			return this.percentiles;
		}

		public void setPercentiles(List<Double> percentiles) {
			this.percentiles = percentiles;
		}

		public boolean isPercentilesHistogram() {
			return this.percentilesHistogram;
		}

		public void setPercentilesHistogram(boolean percentilesHistogram) {
			this.percentilesHistogram = percentilesHistogram;
		}

	}

}
