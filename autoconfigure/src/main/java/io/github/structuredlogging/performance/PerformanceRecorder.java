package io.github.structuredlogging.performance;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns each measured call into one log event and tells the {@link PerformanceListener listeners}. The event is
 * written at the success level, at the slow level when a successful call took at least its slow threshold, and at
 * the failure level otherwise; a level of {@code null} writes no event for that case.
 */
public class PerformanceRecorder {

	/** Field holding the operation name. */
	public static final String OPERATION_FIELD = "operation";

	/** Field holding the duration in milliseconds, to the microsecond. */
	public static final String DURATION_FIELD = "duration_ms";

	/** Field holding the outcome: success, failure or cancelled. */
	public static final String STATUS_FIELD = "status";

	/** Field holding the class name of the failure. */
	public static final String ERROR_TYPE_FIELD = "error_type";

	/** Field holding the bytes allocated by the calling thread. */
	public static final String ALLOCATED_BYTES_FIELD = "allocated_bytes";

	/** Field set to true on a successful call that reached its slow threshold. */
	public static final String SLOW_FIELD = "slow";

	private static final Logger self = LoggerFactory.getLogger(PerformanceRecorder.class);

	private final Logger logger;

	private final Level successLevel;

	private final Level slowLevel;

	private final Level failureLevel;

	private final long defaultSlowThresholdNanos;

	private final PerformanceListener[] listeners;

	/**
	 * Creates a recorder.
	 * @param logger where the events are written
	 * @param successLevel level of successful calls, or {@code null} for none
	 * @param slowLevel level of slow successful calls, or {@code null} for none
	 * @param failureLevel level of failed or cancelled calls, or {@code null} for none
	 * @param defaultSlowThreshold slow threshold of operations that do not set their own
	 * @param listeners told of every call
	 */
	public PerformanceRecorder(Logger logger, Level successLevel, Level slowLevel, Level failureLevel,
			Duration defaultSlowThreshold, List<? extends PerformanceListener> listeners) {
		this.logger = logger;
		this.successLevel = successLevel;
		this.slowLevel = slowLevel;
		this.failureLevel = failureLevel;
		this.defaultSlowThresholdNanos = defaultSlowThreshold.toNanos();
		this.listeners = listeners.toArray(PerformanceListener[]::new);
	}

	void record(Operation operation, Outcome outcome, long durationNanos, Throwable failure, long allocatedBytes) {
		long threshold = (operation.slowThresholdNanos() >= 0) ? operation.slowThresholdNanos()
				: this.defaultSlowThresholdNanos;
		boolean slow = outcome == Outcome.SUCCESS && durationNanos >= threshold;
		Level level = (outcome != Outcome.SUCCESS) ? this.failureLevel : slow ? this.slowLevel : this.successLevel;
		if (level != null && this.logger.isEnabledForLevel(level)) {
			log(level, operation, outcome, durationNanos, failure, allocatedBytes, slow);
		}
		if (this.listeners.length > 0) {
			notify(new OperationMeasurement(operation.name(), outcome, durationNanos, failure));
		}
	}

	private void log(Level level, Operation operation, Outcome outcome, long durationNanos, Throwable failure,
			long allocatedBytes, boolean slow) {
		LoggingEventBuilder event = this.logger.makeLoggingEventBuilder(level)
			.addKeyValue(OPERATION_FIELD, operation.name())
			.addKeyValue(DURATION_FIELD, Math.round(durationNanos / 1_000.0) / 1_000.0)
			.addKeyValue(STATUS_FIELD, outcome.value());
		if (failure != null) {
			event.addKeyValue(ERROR_TYPE_FIELD, failure.getClass().getName());
		}
		if (allocatedBytes >= 0) {
			event.addKeyValue(ALLOCATED_BYTES_FIELD, allocatedBytes);
		}
		if (slow) {
			event.addKeyValue(SLOW_FIELD, true);
		}
		event.log("{} {}", operation.name(), outcome.value());
	}

	private void notify(OperationMeasurement measurement) {
		for (PerformanceListener listener : this.listeners) {
			try {
				listener.onMeasured(measurement);
			}
			catch (RuntimeException ex) {
				// A failing listener (a metrics backend, say) must not fail the measured call.
				self.warn("Performance listener {} failed", listener, ex);
			}
		}
	}

}
