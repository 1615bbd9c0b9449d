package io.github.structuredlogging.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAware;
import io.github.structuredlogging.limits.BoundedLoggingEvent;
import org.slf4j.event.KeyValuePair;

/**
 * The {@link LogEventFieldContributor}s in force for one Logback context. The encoders are built by the logging
 * system before any bean exists, so they find the contributors here, in the Logback context, and the application
 * context registers its contributor beans here once refreshed (and removes them when it closes).
 */
public final class EventFieldContributions {

	/** The key of the instance in the Logback context's objects. */
	static final String CONTEXT_KEY = EventFieldContributions.class.getName();

	private static final LogEventFieldContributor[] NONE = new LogEventFieldContributor[0];

	private volatile LogEventFieldContributor[] contributors = NONE;

	private final Set<LogEventFieldContributor> failed = ConcurrentHashMap.newKeySet();

	/**
	 * The contributions of a Logback context, created on first use.
	 * @param context the Logback context
	 * @return its contributions
	 */
	public static EventFieldContributions of(Context context) {
		synchronized (context.getConfigurationLock()) {
			Object existing = context.getObject(CONTEXT_KEY);
			if (existing instanceof EventFieldContributions contributions) {
				return contributions;
			}
			EventFieldContributions contributions = new EventFieldContributions();
			context.putObject(CONTEXT_KEY, contributions);
			return contributions;
		}
	}

	/**
	 * The contributors in force.
	 * @return the contributors, in order
	 */
	public List<LogEventFieldContributor> getContributors() {
		return List.of(this.contributors);
	}

	/**
	 * Adds contributors, after those already in force.
	 * @param added the contributors, in order
	 */
	public synchronized void register(Collection<? extends LogEventFieldContributor> added) {
		List<LogEventFieldContributor> all = new ArrayList<>(Arrays.asList(this.contributors));
		all.addAll(added);
		this.contributors = all.toArray(NONE);
	}

	/**
	 * Removes contributors.
	 * @param removed the contributors
	 */
	public synchronized void unregister(Collection<? extends LogEventFieldContributor> removed) {
		List<LogEventFieldContributor> all = new ArrayList<>(Arrays.asList(this.contributors));
		all.removeIf((contributor) -> removed.stream().anyMatch((candidate) -> candidate == contributor));
		this.contributors = all.toArray(NONE);
		this.failed.removeAll(removed);
	}

	/**
	 * The event with the fields of the contributors registered in the encoder's Logback context.
	 * @param event the event as logged
	 * @param encoder the encoder, which reports a contributor's failure
	 * @return the event to encode
	 */
	static ILoggingEvent contribute(ILoggingEvent event, ContextAware encoder) {
		Context context = encoder.getContext();
		Object contributions = (context != null) ? context.getObject(CONTEXT_KEY) : null;
		return (contributions instanceof EventFieldContributions found) ? found.withContributedFields(event, encoder)
				: event;
	}

	/**
	 * The event with the contributed fields appended to its key/values, or the event itself when nothing is
	 * contributed.
	 * @param event the event as logged
	 * @param status where a contributor's first failure is reported
	 * @return the event to encode
	 */
	ILoggingEvent withContributedFields(ILoggingEvent event, ContextAware status) {
		return withFields(event, this.contributors, this.failed, status);
	}

	/**
	 * The event with the fields of some contributors appended to its key/values, or the event itself when they
	 * contribute nothing.
	 * @param event the event as logged
	 * @param contributors the contributors, in order
	 * @param failed the contributors whose failure was reported already
	 * @param status where a contributor's first failure is reported
	 * @return the event to encode
	 */
	static ILoggingEvent withFields(ILoggingEvent event, LogEventFieldContributor[] contributors,
			Set<LogEventFieldContributor> failed, ContextAware status) {
		if (contributors.length == 0) {
			return event;
		}
		List<KeyValuePair> own = event.getKeyValuePairs();
		List<KeyValuePair> keyValues = new ArrayList<>(((own != null) ? own.size() : 0) + contributors.length + 2);
		if (own != null) {
			keyValues.addAll(own);
		}
		int ownCount = keyValues.size();
		Map<String, String> mdc = event.getMDCPropertyMap();
		BiConsumer<String, Object> fields = (name, value) -> {
			if (name != null && (mdc == null || !mdc.containsKey(name)) && !named(keyValues, ownCount, name)) {
				keyValues.add(new KeyValuePair(name, value));
			}
		};
		for (LogEventFieldContributor contributor : contributors) {
			try {
				contributor.contribute(event, fields);
			}
			catch (RuntimeException ex) {
				if (failed.add(contributor)) {
					status.addError("Log event field contributor " + contributor.getClass().getName()
							+ " failed; its fields are left out of the events it fails on", ex);
				}
			}
		}
		return (keyValues.size() == ownCount) ? event : BoundedLoggingEvent.replacingKeyValuePairs(event, keyValues);
	}

	private static boolean named(List<KeyValuePair> keyValues, int ownCount, String name) {
		for (int i = 0; i < ownCount; i++) {
			if (name.equals(keyValues.get(i).key)) {
				return true;
			}
		}
		return false;
	}

}
