package io.github.structuredlogging.destination.otlp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.structuredlogging.format.FormatContext;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Builds an {@link OtlpDestination} and its OTLP/HTTP exporter from a destination's settings, falling back to Spring
 * Boot's OTLP logging export settings for the endpoint and headers.
 */
public final class OtlpDestinationFactory {

	static final String BOOT_LOGGING_EXPORT = "management.opentelemetry.logging.export.otlp";

	private OtlpDestinationFactory() {
	}

	/**
	 * Creates the destination of a {@code type: otlp} destination.
	 * @param properties its OTLP settings
	 * @param formatContext the limits, masking and service name, and the binder for Spring Boot's settings
	 * @return the destination
	 */
	public static OtlpDestination create(OtlpDestinationProperties properties, FormatContext formatContext) {
		return create(properties, formatContext, System::getenv);
	}

	static OtlpDestination create(OtlpDestinationProperties properties, FormatContext formatContext,
			Function<String, String> environmentVariables) {
		Binder binder = formatContext.binder();
		OtlpHttpLogRecordExporterBuilder exporter = OtlpHttpLogRecordExporter.builder()
			.setEndpoint(endpoint(properties, binder))
			.setTimeout(properties.getTimeout())
			.setConnectTimeout(properties.getConnectTimeout())
			.setCompression(properties.getCompression())
			// The pipeline retries with its own back-off and spills meanwhile; retries inside the exporter would
			// hold the sender beyond the delivery timeout.
			.setRetryPolicy(null);
		headers(properties, binder).forEach(exporter::addHeader);
		return new OtlpDestination(exporter.build(),
				OtlpResource.of(binder, formatContext.serviceName(), properties.getResourceAttributes(),
						environmentVariables),
				new OtlpRecordMapper(formatContext.limits(), formatContext.masking(), Clock.systemUTC()));
	}

	private static String endpoint(OtlpDestinationProperties properties, Binder binder) {
		if (properties.getEndpoint() != null) {
			return properties.getEndpoint();
		}
		return binder.bind(BOOT_LOGGING_EXPORT + ".endpoint", String.class)
			.orElse(OtlpDestinationProperties.DEFAULT_ENDPOINT);
	}

	private static Map<String, String> headers(OtlpDestinationProperties properties, Binder binder) {
		if (!properties.getHeaders().isEmpty()) {
			return properties.getHeaders();
		}
		return binder.bind(BOOT_LOGGING_EXPORT + ".headers", Bindable.mapOf(String.class, String.class))
			.orElse(new LinkedHashMap<>());
	}

}
