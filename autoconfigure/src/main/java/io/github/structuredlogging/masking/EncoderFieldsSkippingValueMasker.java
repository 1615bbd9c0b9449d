package io.github.structuredlogging.masking;

import java.util.List;
import java.util.Set;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Runs value maskers on everything except the top-level fields the encoder itself fills from trusted sources
 * (timestamp, level, logger, thread, service). Those appear in every event, so skipping them is most of the cost
 * of masking saved, and none of them can carry a user's secret.
 */
final class EncoderFieldsSkippingValueMasker implements ValueMasker {

	private final Set<String> skippedFields;

	private final List<ValueMasker> delegates;

	EncoderFieldsSkippingValueMasker(Set<String> skippedFields, List<ValueMasker> delegates) {
		this.skippedFields = skippedFields;
		this.delegates = delegates;
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		if (isSkipped(context)) {
			return null;
		}
		Object current = value;
		for (ValueMasker delegate : this.delegates) {
			Object masked = delegate.mask(context, current);
			if (masked != null) {
				current = masked;
			}
		}
		return (current != value) ? current : null;
	}

	private boolean isSkipped(TokenStreamContext context) {
		TokenStreamContext parent = context.getParent();
		return parent != null && parent.inRoot() && context.hasCurrentName()
				&& this.skippedFields.contains(context.currentName());
	}

}
