package io.github.structuredlogging.format;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The ECS format: Spring Boot's {@code ecs}, written by the starter's encoder (see {@link EcsJsonProvider}).
 */
final class EcsEncoderFactory {

	private static final String SERVICE_PREFIX = "logging.structured.ecs.service.";

	private EcsEncoderFactory() {
	}

	static Encoder<ILoggingEvent> create(FormatContext context) {
		return BootJsonEncoderFactory.create(context, "ecs", EcsJsonProvider.FIELDS, Set.of("@timestamp"),
				(parts) -> new EcsJsonProvider(parts.members(), parts.stackTraces(),
						TracingFields.mdcNames("trace.id", "span.id"), parts.pid(),
						new EcsJsonProvider.EcsService(serviceName(parts),
								parts.property(SERVICE_PREFIX + "version", "spring.application.version"),
								parts.property(SERVICE_PREFIX + "environment"),
								parts.property(SERVICE_PREFIX + "node-name"), parts.members())));
	}

	/**
	 * Boot's ECS service name, falling back to the starter's service name, which itself defaults to
	 * {@code spring.application.name} as Boot's does.
	 */
	private static String serviceName(BootJsonEncoderFactory.FormatParts parts) {
		String name = parts.property(SERVICE_PREFIX + "name");
		return (name != null && !name.isEmpty()) ? name : parts.context().serviceName();
	}

}
