package io.github.structuredlogging.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.BoundedLoggingEvent;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the scoped values an event carries in its MDC into key/values, just before the event is encoded, so every
 * format writes, bounds and masks them as it does the key/values logged with the event. The key/values logged with
 * the event come first, so one of them keeps its name when a scoped value has the same.
 */
public final class ScopedContextEvents {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ScopedContextEvents() {
	}

	/**
	 * The event with each scoped value as one key/value holding maps, lists and scalars, for the JSON formats:
	 * those written by Spring Boot's JSON writer take a {@code JsonNode} for a plain iterable.
	 * @param event the event as logged
	 * @return the event with the scoped values as key/values, or the event itself when it has none
	 */
	public static ILoggingEvent nested(ILoggingEvent event) {
		return expand(event, false);
	}

	/**
	 * The event with each leaf of a scoped value as one key/value named by its dotted path ({@code order.id},
	 * {@code order.lines.0.sku}), for the formats that have no nesting (logfmt, csv).
	 * @param event the event as logged
	 * @return the event with the scoped values as key/values, or the event itself when it has none
	 */
	public static ILoggingEvent flattened(ILoggingEvent event) {
		return expand(event, true);
	}

	private static ILoggingEvent expand(ILoggingEvent event, boolean flatten) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc == null || !hasScopedEntry(mdc)) {
			return event;
		}
		Map<String, String> rest = new LinkedHashMap<>();
		List<KeyValuePair> keyValues = new ArrayList<>();
		if (event.getKeyValuePairs() != null) {
			keyValues.addAll(event.getKeyValuePairs());
		}
		mdc.forEach((key, json) -> {
			if (key.startsWith(ScopedContext.MDC_PREFIX)) {
				String name = key.substring(ScopedContext.MDC_PREFIX.length());
				JsonNode value = parse(json);
				if (flatten) {
					flatten(name, value, keyValues);
				}
				else {
					keyValues.add(new KeyValuePair(name, MAPPER.convertValue(value, Object.class)));
				}
			}
			else {
				rest.put(key, json);
			}
		});
		return BoundedLoggingEvent.replacingFields(event, rest, keyValues);
	}

	private static boolean hasScopedEntry(Map<String, String> mdc) {
		for (String key : mdc.keySet()) {
			if (key.startsWith(ScopedContext.MDC_PREFIX)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An entry put into the MDC by other means than {@link ScopedContext} may hold anything: it is kept as text.
	 */
	private static JsonNode parse(String json) {
		if (json == null) {
			return MAPPER.nullNode();
		}
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			return MAPPER.getNodeFactory().stringNode(json);
		}
	}

	private static void flatten(String path, JsonNode node, List<KeyValuePair> keyValues) {
		if (!node.isContainer() || node.isEmpty()) {
			keyValues.add(new KeyValuePair(path, node.isContainer() ? node.toString() : scalar(node)));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "." + i, node.get(i), keyValues);
			}
		}
		else {
			node.properties().forEach((property) -> flatten(path + "." + property.getKey(), property.getValue(),
					keyValues));
		}
	}

	private static Object scalar(JsonNode node) {
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asString();
	}

}
