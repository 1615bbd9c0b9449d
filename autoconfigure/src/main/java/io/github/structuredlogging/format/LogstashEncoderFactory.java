package io.github.structuredlogging.format;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The Logstash format: Spring Boot's {@code logstash}, written by the starter's encoder (see
 * {@link LogstashJsonProvider}).
 */
final class LogstashEncoderFactory {

	private LogstashEncoderFactory() {
	}

	static Encoder<ILoggingEvent> create(FormatContext context) {
		return BootJsonEncoderFactory.create(context, "logstash", LogstashJsonProvider.FIELDS,
				Set.of("@timestamp", "@version", "logger_name", "thread_name", "level", "level_value"),
				(parts) -> new LogstashJsonProvider(parts.members(), parts.stackTraces()));
	}

}
