package io.github.structuredlogging.masking;

import java.util.List;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Runs value maskers in order, each on the result of the one before, skipping the maskers whose
 * {@link TextFeatures} the value lacks.
 */
final class ValueMaskerChain implements ValueMasker {

	private final List<Link> links;

	private final boolean allGated;

	ValueMaskerChain(List<Link> links) {
		this.links = links;
		this.allGated = links.stream().allMatch((link) -> link.requiredFeatures() != 0);
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		int features = TextFeatures.of(value);
		if (features == 0 && this.allGated) {
			return null;
		}
		Object current = value;
		for (Link link : this.links) {
			if ((features & link.requiredFeatures()) == link.requiredFeatures()) {
				Object masked = link.masker().mask(context, current);
				if (masked != null) {
					current = masked;
					features = TextFeatures.of(current);
				}
			}
		}
		return (current != value) ? current : null;
	}

	/**
	 * Applies the chain to text outside any JSON document, such as a line of the plain console layout.
	 * @param text the text
	 * @return the masked text, or the text itself when nothing was masked
	 */
	String maskText(String text) {
		Object masked = mask(null, text);
		return (masked != null) ? masked.toString() : text;
	}

	/**
	 * One masker with the {@link TextFeatures} a value must have for it to run; {@code 0} runs it on every value.
	 */
	record Link(int requiredFeatures, ValueMasker masker) {

	}

}
