package io.github.structuredlogging.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.LineSafeEscapes;

/**
 * {@code %msg} of the plain console layout, with value patterns masked and control characters escaped.
 */
final class MaskingMessageConverter extends MessageConverter {

	private final TextMasker masker;

	MaskingMessageConverter(TextMasker masker) {
		this.masker = masker;
	}

	@Override
	public String convert(ILoggingEvent event) {
		String message = super.convert(event);
		return (message != null) ? LineSafeEscapes.escape(this.masker.maskText(message)) : null;
	}

}
