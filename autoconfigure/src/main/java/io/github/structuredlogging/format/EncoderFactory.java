package io.github.structuredlogging.format;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Creates the encoder that writes one format. Every output (console, file, each destination) gets an encoder of its
 * own, so formats never share state between outputs.
 */
@FunctionalInterface
public interface EncoderFactory {

	/**
	 * Creates an encoder, not yet started.
	 * @param context what every format needs to know: the Logback context, limits, masking and service name
	 * @return the encoder
	 * @throws io.github.structuredlogging.validation.InvalidConfigurationPropertyException if the settings the
	 * format reads cannot be used
	 */
	Encoder<ILoggingEvent> create(FormatContext context);

}
