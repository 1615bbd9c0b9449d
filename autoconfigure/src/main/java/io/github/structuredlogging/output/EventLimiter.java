package io.github.structuredlogging.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies {@link LimitsProperties} to an event before it is encoded. Events within bounds, by far the most, are
 * passed on as they are, after a few length checks.
 */
final class EventLimiter {

	/** Key/value counting the pairs dropped beyond the maximum count. */
	static final String TRUNCATED_KEY_VALUES = "truncated_key_values";

	private final LimitsProperties limits;

	private final BoundedValues values;

	EventLimiter(LimitsProperties limits, ObjectMapper mapper) {
		this.limits = limits;
		this.values = new BoundedValues(mapper, limits);
	}

	ILoggingEvent limit(ILoggingEvent event) {
		String message = event.getFormattedMessage();
		Map<String, String> mdc = event.getMDCPropertyMap();
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		boolean messageFits = message == null || message.length() <= this.limits.getMaxMessageLength();
		boolean mdcFits = mdcFits(mdc);
		boolean keyValuesFit = keyValuesFit(keyValues);
		if (messageFits && mdcFits && keyValuesFit) {
			return event;
		}
		return new BoundedLoggingEvent(event, Truncation.truncate(message, this.limits.getMaxMessageLength()),
				mdcFits ? mdc : boundedMdc(mdc), keyValuesFit ? keyValues : boundedKeyValues(keyValues));
	}

	/**
	 * The event with nothing but its plain text fields, for when even the bounded event fails to encode.
	 */
	ILoggingEvent fallback(ILoggingEvent event, Throwable failure) {
		ILoggingEvent bounded = limit(event);
		BoundedLoggingEvent base = (bounded instanceof BoundedLoggingEvent limited) ? limited
				: new BoundedLoggingEvent(event, event.getFormattedMessage(), event.getMDCPropertyMap(), null);
		return base.withoutObjects(List.of(new KeyValuePair("encoding_error", failure.getClass().getName())));
	}

	private boolean mdcFits(Map<String, String> mdc) {
		if (mdc == null) {
			return true;
		}
		for (String value : mdc.values()) {
			if (value != null && value.length() > this.limits.getMaxMdcValueLength()) {
				return false;
			}
		}
		return true;
	}

	private Map<String, String> boundedMdc(Map<String, String> mdc) {
		Map<String, String> bounded = new LinkedHashMap<>();
		mdc.forEach((key, value) -> bounded.put(key, Truncation.truncate(value, this.limits.getMaxMdcValueLength())));
		return bounded;
	}

	private boolean keyValuesFit(List<KeyValuePair> keyValues) {
		if (keyValues == null) {
			return true;
		}
		if (keyValues.size() > this.limits.getMaxKeyValueCount()) {
			return false;
		}
		for (KeyValuePair pair : keyValues) {
			if (pair.key == null || pair.key.length() > this.limits.getMaxValueLength()
					|| !this.values.isWithinBounds(pair.value)) {
				return false;
			}
		}
		return true;
	}

	private List<KeyValuePair> boundedKeyValues(List<KeyValuePair> keyValues) {
		int max = this.limits.getMaxKeyValueCount();
		List<KeyValuePair> bounded = new ArrayList<>(Math.min(keyValues.size(), max) + 1);
		for (int i = 0; i < keyValues.size() && i < max; i++) {
			KeyValuePair pair = keyValues.get(i);
			String key = (pair.key != null) ? Truncation.truncate(pair.key, this.limits.getMaxValueLength()) : "null";
			bounded.add(new KeyValuePair(key, this.values.bound(pair.value)));
		}
		if (keyValues.size() > max) {
			bounded.add(new KeyValuePair(TRUNCATED_KEY_VALUES, keyValues.size() - max));
		}
		return bounded;
	}

}
