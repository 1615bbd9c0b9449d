package io.github.structuredlogging.limits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies {@link LimitsProperties} to an event before it is encoded, and keeps every top-level field name unique.
 * Events within bounds, by far the most, are passed on as they are, after a few length and name checks.
 * <p>
 * A key/value or MDC entry named like a field the encoder writes ({@code message}, {@code level}), like an MDC entry,
 * or like an earlier key/value would give the JSON object a duplicate name, which many log stores reject or resolve
 * by dropping one. Such entries are moved into {@value #CONFLICTING_FIELDS}, a list of one-entry objects: nothing is
 * lost, and masking by field name still applies inside it.
 */
public final class EventLimiter {

	/** Key/value counting the pairs dropped beyond the maximum count. */
	static final String TRUNCATED_KEY_VALUES = "truncated_key_values";

	/** Key/value holding the entries whose name was already taken. */
	static final String CONFLICTING_FIELDS = "conflicting_fields";

	/** Key/value naming the failure when an event could only be written without its objects. */
	static final String ENCODING_ERROR = "encoding_error";

	private final LimitsProperties limits;

	private final BoundedValues values;

	private final Set<String> reserved;

	private final Truncation truncation;

	/**
	 * Creates a limiter.
	 * @param limits the bounds
	 * @param mapper the mapper that converts logged objects
	 * @param encoderFields the top-level fields the encoder writes itself
	 * @param masking masks the secrets in a text before it is cut to a limit
	 */
	public EventLimiter(LimitsProperties limits, ObjectMapper mapper, Set<String> encoderFields,
			UnaryOperator<String> masking) {
		this.limits = limits;
		this.truncation = new Truncation(masking);
		this.values = new BoundedValues(mapper, limits, this.truncation);
		Set<String> reserved = new HashSet<>(encoderFields);
		reserved.addAll(Set.of(TRUNCATED_KEY_VALUES, CONFLICTING_FIELDS, ENCODING_ERROR));
		this.reserved = Set.copyOf(reserved);
	}

	/**
	 * The event within every bound, or the event itself when it already is.
	 * @param event the event as logged
	 * @return an event whose message, MDC and key/values fit the limits, with unique field names
	 */
	public ILoggingEvent limit(ILoggingEvent event) {
		String message = event.getFormattedMessage();
		Map<String, String> mdc = event.getMDCPropertyMap();
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		boolean messageFits = message == null || message.length() <= this.limits.getMaxMessageLength();
		boolean mdcFits = mdcFits(mdc);
		boolean keyValuesFit = keyValuesFit(keyValues);
		boolean namesUnique = namesUnique(mdc, keyValues);
		if (messageFits && mdcFits && keyValuesFit && namesUnique) {
			return event;
		}
		Map<String, String> boundedMdc = mdcFits ? mdc : boundedMdc(mdc);
		List<KeyValuePair> boundedKeyValues = keyValuesFit ? keyValues : boundedKeyValues(keyValues);
		if (!namesUnique) {
			UniqueNames unique = uniqueNames(boundedMdc, boundedKeyValues);
			boundedMdc = unique.mdc();
			boundedKeyValues = unique.keyValues();
		}
		String boundedMessage = this.truncation.truncate(message, this.limits.getMaxMessageLength());
		return new BoundedLoggingEvent(event, boundedMessage, boundedMdc, boundedKeyValues);
	}

	/**
	 * A value as a key/value of its own would be written: strings cut, collections cut to their first entries,
	 * nesting ended, objects converted with the limiter's mapper.
	 * @param value any value
	 * @return the bounded value: a scalar, a {@code JsonNode}, a map or a list
	 */
	public Object bound(Object value) {
		return this.values.bound(value);
	}

	/**
	 * Names are compared as they will be written: two names that differ only in unpaired surrogates become the same
	 * name once those are replaced.
	 */
	private boolean namesUnique(Map<String, String> mdc, List<KeyValuePair> keyValues) {
		if (mdc != null) {
			for (String key : mdc.keySet()) {
				if (this.reserved.contains(key) || !isWrittenAsIs(key)) {
					return false;
				}
			}
		}
		if (keyValues != null) {
			for (int i = 0; i < keyValues.size(); i++) {
				String key = keyValues.get(i).key;
				if (this.reserved.contains(key) || !isWrittenAsIs(key) || (mdc != null && mdc.containsKey(key))) {
					return false;
				}
				for (int j = 0; j < i; j++) {
					if (Objects.equals(key, keyValues.get(j).key)) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private static boolean isWrittenAsIs(String name) {
		return name != null && SurrogateSanitizingJsonGenerator.sanitize(name) == name;
	}

	/**
	 * Moves every MDC entry and key/value whose name is taken into the conflicting fields.
	 */
	private UniqueNames uniqueNames(Map<String, String> mdc, List<KeyValuePair> keyValues) {
		List<Map<String, Object>> conflicting = new ArrayList<>();
		Map<String, String> uniqueMdc = new LinkedHashMap<>();
		if (mdc != null) {
			mdc.forEach((key, value) -> {
				String name = SurrogateSanitizingJsonGenerator.sanitize(key);
				if (this.reserved.contains(name) || uniqueMdc.containsKey(name)) {
					conflicting.add(Collections.singletonMap(name, value));
				}
				else {
					uniqueMdc.put(name, value);
				}
			});
		}
		Set<String> taken = new HashSet<>(uniqueMdc.keySet());
		List<KeyValuePair> unique = new ArrayList<>();
		for (KeyValuePair pair : (keyValues != null) ? keyValues : List.<KeyValuePair>of()) {
			String name = SurrogateSanitizingJsonGenerator.sanitize(String.valueOf(pair.key));
			boolean ours = TRUNCATED_KEY_VALUES.equals(name) && pair.value instanceof Integer;
			if (!ours && (this.reserved.contains(name) || !taken.add(name))) {
				conflicting.add(Collections.singletonMap(name, pair.value));
			}
			else {
				unique.add(new KeyValuePair(name, pair.value));
			}
		}
		if (!conflicting.isEmpty()) {
			unique.add(new KeyValuePair(CONFLICTING_FIELDS, conflicting));
		}
		return new UniqueNames(uniqueMdc, unique);
	}

	/**
	 * The event with nothing but its plain text fields, for when even the bounded event fails to encode.
	 */
	public ILoggingEvent fallback(ILoggingEvent event, Throwable failure) {
		ILoggingEvent bounded = limit(event);
		BoundedLoggingEvent base = (bounded instanceof BoundedLoggingEvent limited) ? limited
				: new BoundedLoggingEvent(event, event.getFormattedMessage(), event.getMDCPropertyMap(), null);
		return base.withoutObjects(List.of(new KeyValuePair(ENCODING_ERROR, failure.getClass().getName())));
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
		int maxLength = this.limits.getMaxMdcValueLength();
		mdc.forEach((key, value) -> bounded.put(key, this.truncation.truncate(value, maxLength)));
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
			String key = (pair.key != null) ? this.truncation.truncate(pair.key, this.limits.getMaxValueLength())
					: "null";
			bounded.add(new KeyValuePair(key, this.values.bound(pair.value)));
		}
		if (keyValues.size() > max) {
			bounded.add(new KeyValuePair(TRUNCATED_KEY_VALUES, keyValues.size() - max));
		}
		return bounded;
	}

	private record UniqueNames(Map<String, String> mdc, List<KeyValuePair> keyValues) {

	}

}
