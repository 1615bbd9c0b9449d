package io.github.structuredlogging.format;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.validation.ValidatedProperties;

/**
 * The formats the starter writes, picked by name for each output. Adding a format means one new
 * {@link EncoderFactory} and one constant here. Every format applies the same masking and limits.
 */
public enum LogFormat {

	/** One JSON object per line, written by logstash-logback-encoder. */
	JSON((context) -> new JsonEncoderFactory(context.limits(), context.masking(), context.serviceName(),
			ValidatedProperties.bind(context.binder(), FormatProperties.PREFIX, FormatProperties.class),
			BootJsonSettings.get(context.binder()))
		.create(context.loggerContext())),

	/** Readable single-line text with the correlation id and key/values, for local development. */
	PLAIN(PlainEncoderFactory::create),

	/** Elastic Common Schema, as Spring Boot's {@code ecs} format writes it. */
	ECS(EcsEncoderFactory::create),

	/** Logstash JSON, as Spring Boot's {@code logstash} format writes it. */
	LOGSTASH(LogstashEncoderFactory::create),

	/** Graylog Extended Log Format 1.1, as Spring Boot's {@code gelf} format writes it. */
	GELF(GelfEncoderFactory::create),

	/** One line of {@code key=value} pairs per event. */
	LOGFMT((context) -> new LogfmtEncoder(new TextFields(context))),

	/** One RFC 4180 record per event, under a header line of configured columns. */
	CSV((context) -> new CsvEncoder(new TextFields(context), ValidatedProperties
		.bind(context.binder(), FormatProperties.PREFIX, FormatProperties.class)
		.getCsv()
		.getColumns()));

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
