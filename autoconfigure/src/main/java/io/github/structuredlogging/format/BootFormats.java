package io.github.structuredlogging.format;

import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The values of Spring Boot's {@code logging.structured.format.console} and {@code .file}: the ids of Boot's own
 * formats, which the starter writes itself, or the class name of a {@code StructuredLogFormatter}, which Boot's
 * formatter writes (bounded and masked by the starter).
 */
public final class BootFormats {

	private static final Map<String, LogFormat> COMMON_FORMATS = Map.of("ecs", LogFormat.ECS, "logstash",
			LogFormat.LOGSTASH, "gelf", LogFormat.GELF);

	private BootFormats() {
	}

	/**
	 * The starter's format for one of Boot's format ids.
	 * @param value the value of the Boot property
	 * @return the format, or {@code null} when the value is not one of Boot's ids (then a class name)
	 */
	public static LogFormat commonFormat(String value) {
		return COMMON_FORMATS.get(value.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Creates an encoder that lets Boot's formatter of that class write each event.
	 * @param context the format context
	 * @param formatterClass the class name of a {@code StructuredLogFormatter<ILoggingEvent>}
	 * @return the encoder, not yet started
	 */
	public static Encoder<ILoggingEvent> formatterEncoder(FormatContext context, String formatterClass) {
		return new BootFormatterEncoder(context, formatterClass);
	}

}
