package io.github.structuredlogging.format;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The GELF format: Spring Boot's {@code gelf}, written by the starter's encoder (see {@link GelfJsonProvider}),
 * with {@code host} and {@code _service_version} from {@code logging.structured.gelf.*} as Boot reads them.
 */
final class GelfEncoderFactory {

	private static final String PREFIX = "logging.structured.gelf.";

	private GelfEncoderFactory() {
	}

	static Encoder<ILoggingEvent> create(FormatContext context) {
		return BootJsonEncoderFactory.create(context, "gelf", GelfJsonProvider.FIELDS,
				Set.of("version", "timestamp", "level", "host", "_level_name", "_process_pid",
						"_process_thread_name", "_service_version", "_log_logger"),
				(parts) -> new GelfJsonProvider(parts.members(), parts.stackTraces(), parts.pid(),
						parts.property(PREFIX + "host", "spring.application.name"),
						parts.property(PREFIX + "service.version", "spring.application.version")));
	}

}
