package io.github.structuredlogging.event;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts business events in {@value #METER_NAME}, tagged by event {@value #TYPE_TAG}. The number of tag values is
 * bounded: only allowed types, and at most a fixed number of them, get their own; every other event is counted under
 * {@value #OTHER}.
 */
public class BusinessEventMetrics implements BusinessEventListener {

	/** Name of the counter. */
	public static final String METER_NAME = "logging.business.events";

	/** Tag holding the event type. */
	public static final String TYPE_TAG = "type";

	/** Tag value of the events whose type gets no tag of its own. */
	public static final String OTHER = "other";

	private final MeterRegistry registry;

	private final Set<String> allowedTypes;

	private final int maxTypes;

	private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

	private volatile Counter other;

	/**
	 * Creates the listener.
	 * @param registry where the counter is registered
	 * @param allowedTypes the types that may get a tag of their own, or empty for any
	 * @param maxTypes most types that get a tag of their own
	 */
	public BusinessEventMetrics(MeterRegistry registry, Set<String> allowedTypes, int maxTypes) {
		this.registry = registry;
		this.allowedTypes = Set.copyOf(allowedTypes);
		this.maxTypes = maxTypes;
	}

	@Override
	public void onEvent(String type) {
		Counter counter = this.counters.get(type);
		(counter != null ? counter : admit(type)).increment();
	}

	private Counter admit(String type) {
		if (!this.allowedTypes.isEmpty() && !this.allowedTypes.contains(type)) {
			return other();
		}
		// Locked so that concurrent first events of new types cannot push the count of tags past the cap.
		synchronized (this.counters) {
			Counter counter = this.counters.get(type);
			if (counter != null) {
				return counter;
			}
			if (this.counters.size() >= this.maxTypes) {
				return other();
			}
			counter = counter(type);
			this.counters.put(type, counter);
			return counter;
		}
	}

	private Counter other() {
		Counter other = this.other;
		if (other == null) {
			other = counter(OTHER);
			this.other = other;
		}
		return other;
	}

	private Counter counter(String type) {
		return Counter.builder(METER_NAME)
			.description("Business events logged, by event type")
			.baseUnit("events")
			.tag(TYPE_TAG, type)
			.register(this.registry);
	}

}
