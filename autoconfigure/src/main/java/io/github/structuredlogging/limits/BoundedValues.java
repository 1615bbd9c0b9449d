package io.github.structuredlogging.limits;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns any key/value a caller logs into a value that can always be written, within bounds: strings cut, collections
 * and maps cut to their first entries, nesting and self-references ended, and objects whose serialization or
 * {@code toString()} throws replaced by a note saying so. Beans and records are converted with the encoder's own
 * Jackson configuration, so {@link io.github.structuredlogging.masking.Sensitive} applies to them.
 */
final class BoundedValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ObjectMapper mapper;

	private final int maxValueLength;

	private final int maxEntries;

	private final int maxDepth;

	BoundedValues(ObjectMapper mapper, LimitsProperties limits) {
		this.mapper = mapper;
		this.maxValueLength = limits.getMaxValueLength();
		this.maxEntries = limits.getMaxCollectionSize();
		this.maxDepth = limits.getMaxNestingDepth();
	}

	/**
	 * Whether a value is written as it is: a scalar small enough.
	 */
	boolean isWithinBounds(Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return true;
		}
		return value instanceof String text && text.length() <= this.maxValueLength;
	}

	Object bound(Object value) {
		try {
			return bound(value, 0, new IdentityHashMap<>());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return unreadable(ex);
		}
	}

	private Object bound(Object value, int depth, Map<Object, Boolean> enclosing) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character) {
			return value;
		}
		if (value instanceof CharSequence text) {
			return Truncation.truncate(text.toString(), this.maxValueLength);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (!(value instanceof Map<?, ?>) && !(value instanceof Collection<?>) && !value.getClass().isArray()) {
			return object(value, depth);
		}
		if (enclosing.containsKey(value)) {
			return "[cycle]";
		}
		if (depth >= this.maxDepth) {
			return "[nested too deep]";
		}
		enclosing.put(value, Boolean.TRUE);
		try {
			if (value instanceof Map<?, ?> map) {
				return map(map, depth, enclosing);
			}
			if (value instanceof Collection<?> collection) {
				return list(collection.iterator(), collection.size(), depth, enclosing);
			}
			return list(new ArrayIterator(value), Array.getLength(value), depth, enclosing);
		}
		finally {
			enclosing.remove(value);
		}
	}

	private Map<String, Object> map(Map<?, ?> map, int depth, Map<Object, Boolean> enclosing) {
		Map<String, Object> bounded = new LinkedHashMap<>();
		int written = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (written++ == this.maxEntries) {
				bounded.put("...", "[" + (map.size() - this.maxEntries) + " more entries]");
				break;
			}
			bounded.put(Truncation.truncate(safeToString(entry.getKey()), this.maxValueLength),
					bound(entry.getValue(), depth + 1, enclosing));
		}
		return bounded;
	}

	private List<Object> list(Iterator<?> elements, int size, int depth, Map<Object, Boolean> enclosing) {
		List<Object> bounded = new ArrayList<>(Math.min(size, this.maxEntries + 1));
		for (int i = 0; elements.hasNext(); i++) {
			Object element = elements.next();
			if (i == this.maxEntries) {
				bounded.add("[" + (size - this.maxEntries) + " more elements]");
				break;
			}
			bounded.add(bound(element, depth + 1, enclosing));
		}
		return bounded;
	}

	/**
	 * Beans, records and value types go through Jackson; what it cannot write (a getter that throws, a
	 * self-referencing graph) is written as its bounded {@code toString()} instead.
	 */
	private Object object(Object value, int depth) {
		JsonNode tree;
		try {
			tree = this.mapper.valueToTree(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Truncation.truncate(safeToString(value), this.maxValueLength);
		}
		return node(tree, depth);
	}

	private JsonNode node(JsonNode node, int depth) {
		if (node.isString()) {
			String text = node.asString();
			return (text.length() <= this.maxValueLength) ? node
					: NODES.stringNode(Truncation.truncate(text, this.maxValueLength));
		}
		if (!node.isContainer()) {
			return node;
		}
		if (depth >= this.maxDepth) {
			return NODES.stringNode("[nested too deep]");
		}
		if (node.isArray()) {
			ArrayNode bounded = NODES.arrayNode();
			for (int i = 0; i < node.size(); i++) {
				if (i == this.maxEntries) {
					bounded.add("[" + (node.size() - this.maxEntries) + " more elements]");
					break;
				}
				bounded.add(node(node.get(i), depth + 1));
			}
			return bounded;
		}
		ObjectNode bounded = NODES.objectNode();
		int written = 0;
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (written++ == this.maxEntries) {
				bounded.put("...", "[" + (node.size() - this.maxEntries) + " more entries]");
				break;
			}
			bounded.set(Truncation.truncate(property.getKey(), this.maxValueLength),
					node(property.getValue(), depth + 1));
		}
		return bounded;
	}

	/**
	 * A {@code toString()} may throw, or recurse until the stack overflows; either way the event is still written.
	 */
	static String safeToString(Object value) {
		try {
			return String.valueOf(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return unreadable(ex);
		}
	}

	private static String unreadable(Throwable failure) {
		return "[unreadable: " + failure.getClass().getName() + "]";
	}

	private static final class ArrayIterator implements Iterator<Object> {

		private final Object array;

		private int next;

		ArrayIterator(Object array) {
			this.array = array;
		}

		@Override
		public boolean hasNext() {
			return this.next < Array.getLength(this.array);
		}

		@Override
		public Object next() {
			return Array.get(this.array, this.next++);
		}

	}

}
