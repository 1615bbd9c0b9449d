package io.github.structuredlogging.format;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The formats the starter writes, picked by name for each output. Adding a format means one new
 * {@link EncoderFactory} and one constant here. Every format applies the same masking and limits.
 */
public enum LogFormat {

	/** One JSON object per line, written by logstash-logback-encoder. */
	JSON((context) -> new JsonEncoderFactory(context.limits(), context.masking(), context.serviceName())
		.create(context.loggerContext())),

	/** Readable single-line text with the correlation id and key/values, for local development. */
	PLAIN(PlainEncoderFactory::create);

	private final EncoderFactory factory;

	LogFormat(EncoderFactory factory) {
		this.factory = factory;
	}

	/**
	 * Creates an encoder of this format, not yet started.
	 * @param context the settings the encoder is built from
	 * @return the encoder
	 */
	public Encoder<ILoggingEvent> createEncoder(FormatContext context) {
		return this.factory.create(context);
	}

}
