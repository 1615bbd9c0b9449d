package io.github.structuredlogging.performance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records each measured call in a timer tagged with its {@value #OPERATION_TAG}, {@value #OUTCOME_TAG} and
 * {@value #EXCEPTION_TAG}, so the metrics endpoint shows count, total and max per operation. Tag values are bounded
 * by the code: operation names come from annotations and exception tags are class names.
 */
public class PerformanceMetrics implements PerformanceListener {

	/** Tag holding the operation name. */
	public static final String OPERATION_TAG = "operation";

	/** Tag holding the outcome. */
	public static final String OUTCOME_TAG = "outcome";

	/** Tag holding the simple class name of the failure, or {@value #NONE}. */
	public static final String EXCEPTION_TAG = "exception";

	/** Exception tag value of calls that did not fail. */
	public static final String NONE = "none";

	private final MeterRegistry registry;

	private final String name;

	private final double[] percentiles;

	private final boolean percentilesHistogram;

	private final Map<String, Timer> successes = new ConcurrentHashMap<>();

	private final Map<TimerKey, Timer> others = new ConcurrentHashMap<>();

	/**
	 * Creates the listener.
	 * @param registry where the timers are registered
	 * @param name name of the timers
	 * @param percentiles percentiles to publish, possibly none
	 * @param percentilesHistogram whether to publish a percentile histogram
	 */
	public PerformanceMetrics(MeterRegistry registry, String name, double[] percentiles,
			boolean percentilesHistogram) {
		this.registry = registry;
		this.name = name;
		this.percentiles = percentiles.clone();
		this.percentilesHistogram = percentilesHistogram;
	}

	@Override
	public void onMeasured(OperationMeasurement measurement) {
		timer(measurement).record(measurement.durationNanos(), TimeUnit.NANOSECONDS);
	}

	private Timer timer(OperationMeasurement measurement) {
		if (measurement.outcome() == Outcome.SUCCESS) {
			Timer timer = this.successes.get(measurement.operation());
			return (timer != null) ? timer : this.successes.computeIfAbsent(measurement.operation(),
					(operation) -> register(operation, Outcome.SUCCESS, NONE));
		}
		String exception = (measurement.failure() != null) ? measurement.failure().getClass().getSimpleName() : NONE;
		return this.others.computeIfAbsent(new TimerKey(measurement.operation(), measurement.outcome(), exception),
				(key) -> register(key.operation(), key.outcome(), key.exception()));
	}

	private Timer register(String operation, Outcome outcome, String exception) {
		return Timer.builder(this.name)
			.description("Duration of @LogPerformance operations")
			.tag(OPERATION_TAG, operation)
			.tag(OUTCOME_TAG, outcome.value())
			.tag(EXCEPTION_TAG, exception)
			.publishPercentiles(this.percentiles)
			.publishPercentileHistogram(this.percentilesHistogram)
			.register(this.registry);
	}

	private record TimerKey(String operation, Outcome outcome, String exception) {
	}

}
