package io.github.structuredlogging.masking;

import java.util.Set;

import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;

/**
 * Wraps the generator of each event in a {@link MaskingGenerator} that applies these rules.
 *
 * @param fields the field names whose values are replaced whole
 * @param values the value patterns masked inside text
 * @param trustedFields top-level fields the encoder fills from trusted sources (timestamp, level, logger, thread,
 * service), which appear in every event, cannot carry a user's secret and so skip the value patterns
 * @param replacement the text written instead of a masked field's value
 */
record MaskingDecorator(CaseInsensitiveFieldMasker fields, ValueMaskerChain values, Set<String> trustedFields,
		String replacement) implements JsonGeneratorDecorator {

	@Override
	public JsonGenerator decorate(JsonGenerator generator) {
		return new MaskingGenerator(generator, this);
	}

	boolean isMaskedField(String name) {
		return this.fields.isMasked(name);
	}

	boolean isTrustedField(String name) {
		return this.trustedFields.contains(name);
	}

}
