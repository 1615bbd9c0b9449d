package io.github.structuredlogging.format;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.masking.TextMasker;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TreeNode;

/**
 * Writes members the way Spring Boot's {@code JsonWriter} does under {@code logging.structured.json.*}: a member is
 * written unless its path (its names from the root joined by dots, as Boot names them) is filtered by
 * {@code include} / {@code exclude}, under the name {@code rename} gives its path; values are written as Boot
 * writes them.
 * <p>
 * The names of the members every event has are resolved once, when the encoder is built; only the names of MDC
 * entries and key/values are resolved per event, and only when the settings filter or rename anything.
 * <p>
 * Everything is written masked (see {@link EventMembers}), except what the format fills from trusted sources, which
 * is written straight as long as masking by field name spares every name the format writes itself.
 */
final class BootJsonMembers {

	private final BootJsonSettings settings;

	private final boolean processesNames;

	private final TextMasker masker;

	private final JsonGeneratorDecorator masking;

	/**
	 * Whether a name the format writes itself is a masked field name, which only the masking generator can apply
	 * to everything written inside it. Set while the format's provider is built, read by every event.
	 */
	private volatile boolean ownNameMasked;

	/**
	 * Creates the members.
	 * @param settings Boot's settings
	 * @param masker the masking of text, the same rules as {@code masking}
	 * @param masking wraps the generator of an event in the masking generator, {@code null} when masking is off
	 */
	BootJsonMembers(BootJsonSettings settings, TextMasker masker, JsonGeneratorDecorator masking) {
		this.settings = settings;
		this.processesNames = !settings.include().isEmpty() || !settings.exclude().isEmpty()
				|| !settings.rename().isEmpty();
		this.masker = masker;
		this.masking = masking;
	}

	/**
	 * The generators one event is written to.
	 * @param generator the event's generator, which does not mask
	 * @return the event's members
	 */
	EventMembers of(JsonGenerator generator) {
		JsonGenerator masked = (this.masking != null) ? this.masking.decorate(generator) : generator;
		return new EventMembers(this, this.ownNameMasked ? masked : generator, masked);
	}

	TextMasker masker() {
		return this.masker;
	}

	BootJsonSettings settings() {
		return this.settings;
	}

	/**
	 * Whether the settings filter or rename anything, so that members named at run time need their paths.
	 * @return whether names are processed
	 */
	boolean processesNames() {
		return this.processesNames;
	}

	/**
	 * The name a member is written under.
	 * @param path the member's path
	 * @return its name, or {@code null} when it is not written
	 */
	String name(String path) {
		String name = name(path, path.substring(path.lastIndexOf('.') + 1));
		ownName(name);
		return name;
	}

	/**
	 * The name a member every event has is written under.
	 * @param path the member's path
	 * @return its name, or {@code null} when it is not written
	 */
	MemberName member(String path) {
		return MemberName.of(name(path));
	}

	/**
	 * Declares a name the format writes itself, not resolved with {@link #name(String)}, such as the object a
	 * tracing id is nested in.
	 * @param name the name as written, {@code null} for none
	 */
	void ownName(String name) {
		if (this.masker.masksField(name)) {
			this.ownNameMasked = true;
		}
	}

	private String name(String path, String name) {
		if (!this.processesNames) {
			return name;
		}
		boolean included = this.settings.include().isEmpty() || this.settings.include().contains(path);
		if (!included || this.settings.exclude().contains(path)) {
			return null;
		}
		return this.settings.rename().getOrDefault(path, name);
	}

	/**
	 * Writes a member whose name was resolved with {@link #member(String)}.
	 * @param generator the generator
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the value
	 */
	void write(JsonGenerator generator, MemberName name, String value) {
		if (name != null) {
			name.writeTo(generator);
			writeText(generator, value);
		}
	}

	/**
	 * Writes a member whose name was resolved with {@link #name(String)}.
	 * @param generator the generator
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the value
	 */
	void write(JsonGenerator generator, String name, String value) {
		if (name != null) {
			generator.writeName(name);
			writeText(generator, value);
		}
	}

	private static void writeText(JsonGenerator generator, String value) {
		if (value != null) {
			generator.writeString(value);
		}
		else {
			generator.writeNull();
		}
	}

	/**
	 * Writes a member named at run time, such as an MDC entry.
	 * @param generator the generator
	 * @param parentPath the path of the enclosing object, empty at the root
	 * @param name the member's name
	 * @param value the value
	 */
	void writePair(JsonGenerator generator, String parentPath, String name, Object value) {
		String path = this.processesNames ? childPath(parentPath, name) : null;
		String written = this.processesNames ? name(path, name) : name;
		if (written != null) {
			generator.writeName(written);
			writeValue(generator, path, value);
		}
	}

	/**
	 * Writes a member named at run time into an object that is not masked as a whole: text straight, masked as the
	 * masking generator would mask it, anything else through the masking generator.
	 * @param members the event's members
	 * @param parentPath the path of the enclosing object, empty at the root
	 * @param name the member's name
	 * @param value the value
	 */
	void writePair(EventMembers members, String parentPath, String name, Object value) {
		if (value instanceof CharSequence text) {
			String written = this.processesNames ? name(childPath(parentPath, name), name) : name;
			if (written != null) {
				members.writeText(written, text.toString());
			}
		}
		else {
			writePair(members.masked(), parentPath, name, value);
		}
	}

	/**
	 * Writes the members of {@code logging.structured.json.add} under their names as given.
	 * @param members the event's members
	 */
	void writeAdded(EventMembers members) {
		Map<String, String> added = this.settings.add();
		if (!added.isEmpty()) {
			added.forEach((name, value) -> writePair(members, "", name, value));
		}
	}

	/**
	 * Writes pairs whose dotted names become nested objects, as in Boot's ECS format.
	 * @param members the event's members
	 * @param pairs the pairs by dotted name, in order
	 */
	void writeNested(EventMembers members, Map<String, Object> pairs) {
		nest(pairs).forEach((name, value) -> writePair(members, "", name, value));
	}

	/**
	 * Pairs whose dotted names are made nested objects, as {@link #writeNested} writes them, for pairs that are
	 * the same in every event.
	 * @param pairs the pairs by dotted name, in order
	 * @return the pairs by name, some of them maps of nested pairs
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> nest(Map<String, ?> pairs) {
		Map<String, Object> nested = new LinkedHashMap<>();
		pairs.forEach((name, value) -> {
			int length = name.endsWith(".") ? name.length() - 1 : name.length();
			Map<String, Object> destination = nested;
			int start = 0;
			for (int dot = name.indexOf('.'); dot >= 0 && dot < length; dot = name.indexOf('.', start)) {
				Object current = destination.computeIfAbsent(name.substring(start, dot),
						(key) -> new LinkedHashMap<String, Object>());
				if (!(current instanceof Map)) {
					// Boot refuses such an event outright; keeping the pair under its full name loses nothing.
					nested.put(name, value);
					return;
				}
				destination = (Map<String, Object>) current;
				start = dot + 1;
			}
			String last = name.substring(start, length);
			if (destination.putIfAbsent(last, value) != null) {
				nested.put(name, value);
			}
		});
		return nested;
	}

	/**
	 * Writes a value as Boot's {@code JsonValueWriter} does: numbers and booleans as such, maps as objects whose
	 * members are filtered and renamed like any other, collections and arrays as arrays, trees (values the limits
	 * bounded) as they are, checked first because a tree is iterable too. Other objects go through the encoder's
	 * mapper rather than {@code toString()}, so that {@code @Sensitive} properties stay masked.
	 */
	private void writeValue(JsonGenerator generator, String path, Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof CharSequence text) {
			generator.writeString(text.toString());
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Number number) {
			writeNumber(generator, number);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof TreeNode tree) {
			generator.writeTree(tree);
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			map.forEach((key, entry) -> writePair(generator, path, String.valueOf(key), entry));
			generator.writeEndObject();
		}
		else if (value instanceof Iterable<?> iterable && !(value instanceof Path)) {
			generator.writeStartArray();
			iterable.forEach((element) -> writeValue(generator, path, element));
			generator.writeEndArray();
		}
		else if (value instanceof Object[] array) {
			generator.writeStartArray();
			for (Object element : array) {
				writeValue(generator, path, element);
			}
			generator.writeEndArray();
		}
		else {
			generator.writePOJO(value);
		}
	}

	/**
	 * Boot writes a number's {@code toString()}; infinities and NaN, which JSON has no number for, become strings.
	 */
	private static void writeNumber(JsonGenerator generator, Number number) {
		String text = number.toString();
		if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
			generator.writeString(text);
		}
		else {
			generator.writeNumber(text);
		}
	}

	private static String childPath(String parentPath, String name) {
		return (parentPath == null || parentPath.isEmpty()) ? name : parentPath + "." + name;
	}

}
