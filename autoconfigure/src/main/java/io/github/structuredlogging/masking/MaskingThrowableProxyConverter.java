package io.github.structuredlogging.masking;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %throwable} of the plain console layout, with value patterns masked in messages and stack traces. Being a
 * throwable converter itself, it also keeps Logback from appending an unmasked stack trace of its own.
 */
final class MaskingThrowableProxyConverter extends ThrowableProxyConverter {

	private final TextMasker masker;

	MaskingThrowableProxyConverter(TextMasker masker) {
		this.masker = masker;
	}

	@Override
	protected String throwableProxyToString(IThrowableProxy throwable) {
		return this.masker.maskText(super.throwableProxyToString(throwable));
	}

}
