package io.github.structuredlogging.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} of the plain console layout, with value patterns masked.
 */
final class MaskingMessageConverter extends MessageConverter {

	private final ValueMaskerChain masker;

	MaskingMessageConverter(ValueMaskerChain masker) {
		this.masker = masker;
	}

	@Override
	public String convert(ILoggingEvent event) {
		String message = super.convert(event);
		return (message != null) ? this.masker.maskText(message) : null;
	}

}
