package io.github.structuredlogging.errors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts ERROR events in {@value #METER}, tagged by {@code exception} and {@code logger}. Each tag takes at most a
 * configured number of distinct values, the first ones seen; later ones are counted as {@value #OTHER}, so that an
 * application throwing many exception types cannot flood the metrics backend.
 */
public class ErrorMetrics implements MeterBinder, ErrorListener, AutoCloseable {

	/** Name of the counter. */
	public static final String METER = "logging.errors";

	/** Tag value standing for every value beyond the bound. */
	public static final String OTHER = "other";

	private final ErrorTracker tracker;

	private final BoundedTagValues exceptions;

	private final BoundedTagValues loggers;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	public ErrorMetrics(ErrorTracker tracker, int maxExceptionTags, int maxLoggerTags) {
		this.tracker = tracker;
		this.exceptions = new BoundedTagValues(maxExceptionTags);
		this.loggers = new BoundedTagValues(maxLoggerTags);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.registries.isEmpty()) {
			this.tracker.addListener(this);
		}
		this.registries.add(registry);
	}

	@Override
	public void onError(String exceptionType, String loggerName) {
		String exception = this.exceptions.tagValue(exceptionType);
		String logger = this.loggers.tagValue(loggerName);
		for (MeterRegistry registry : this.registries) {
			Counter.builder(METER)
				.description("ERROR log events, by exception type and logger")
				.baseUnit("events")
				.tag("exception", exception)
				.tag("logger", logger)
				.register(registry)
				.increment();
		}
	}

	@Override
	public void close() {
		this.tracker.removeListener(this);
		this.registries.clear();
	}

	private static final class BoundedTagValues {

		private final int max;

		private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

		BoundedTagValues(int max) {
			this.max = max;
		}

		/**
		 * The bound may be passed by a few values when many threads see new ones at once; it is a guard against
		 * unbounded growth, not an exact quota.
		 */
		String tagValue(String value) {
			if (this.seen.containsKey(value)) {
				return value;
			}
			if (this.seen.size() < this.max) {
				this.seen.put(value, Boolean.TRUE);
				return value;
			}
			return OTHER;
		}

	}

}
