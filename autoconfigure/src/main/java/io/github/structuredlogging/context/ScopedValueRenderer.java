package io.github.structuredlogging.context;

import java.util.Set;

import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.masking.TextMasker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a scoped value as the JSON every line carries: converted with the encoder's Jackson configuration (so
 * {@link io.github.structuredlogging.masking.Sensitive @Sensitive} applies) and masked by field name at every depth
 * and by value pattern. Masking happens here, before the value enters the MDC, so that no appender or pattern that
 * prints the MDC can show a secret from it; the encoders mask once more, and cut the value to the limits.
 */
public final class ScopedValueRenderer {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static volatile ScopedValueRenderer current = new ScopedValueRenderer(new LimitsProperties(),
			new MaskingProperties());

	private final JsonMapper mapper;

	private final EventLimiter limiter;

	private final TextMasker masker;

	private final String replacement;

	private ScopedValueRenderer(LimitsProperties limits, MaskingProperties masking) {
		this.mapper = JsonEncoderFactory.valueMapper(limits, masking);
		this.masker = TextMasker.of(masking);
		this.limiter = new EventLimiter(limits, this.mapper, Set.of(), this.masker::maskText);
		this.replacement = masking.getReplacement();
	}

	/**
	 * Renders scoped values from now on with the application's limits and masking. The logging system calls this
	 * as it builds the encoders; until then the defaults apply.
	 * @param limits the bounds on each value
	 * @param masking the masking settings
	 */
	public static void configure(LimitsProperties limits, MaskingProperties masking) {
		current = new ScopedValueRenderer(limits, masking);
	}

	static ScopedValueRenderer current() {
		return current;
	}

	/**
	 * The value is cut to the limits when each line is encoded, like any key/value: cutting it here as well would
	 * count the note that says what was cut as one more entry.
	 */
	String render(String key, Object value) {
		JsonNode tree;
		try {
			tree = this.mapper.valueToTree(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			tree = this.mapper.valueToTree(this.limiter.bound(value));
		}
		return mask(key, tree).toString();
	}

	private JsonNode mask(String name, JsonNode node) {
		if (this.masker.masksField(name)) {
			return NODES.stringNode(this.replacement);
		}
		if (node.isString()) {
			String text = node.asString();
			String masked = this.masker.maskText(text);
			return (masked == text) ? node : NODES.stringNode(masked);
		}
		if (node.isArray()) {
			ArrayNode masked = NODES.arrayNode(node.size());
			node.forEach((element) -> masked.add(mask(name, element)));
			return masked;
		}
		if (node.isObject()) {
			ObjectNode masked = NODES.objectNode();
			node.properties().forEach((property) -> masked.set(property.getKey(), mask(property.getKey(),
					property.getValue())));
			return masked;
		}
		return node;
	}

}
