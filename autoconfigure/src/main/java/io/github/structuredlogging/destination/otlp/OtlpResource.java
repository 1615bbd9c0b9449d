package io.github.structuredlogging.destination.otlp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * The resource of an application's log records, merged as Spring Boot's OpenTelemetry auto-configuration merges it
 * for traces and metrics, so that logs, traces and metrics of one service carry the same resource: the
 * {@code OTEL_RESOURCE_ATTRIBUTES} and {@code OTEL_SERVICE_NAME} environment variables, then
 * {@code management.opentelemetry.resource-attributes}, then the destination's own {@code resource-attributes};
 * {@code service.name} defaults to the service name the starter logs ({@code spring.application.name} unless
 * {@code structured-logging.output.service-name} is set; else {@code unknown_service}) and
 * {@code service.namespace} to {@code spring.application.group}.
 */
final class OtlpResource {

	static final String BOOT_RESOURCE_ATTRIBUTES = "management.opentelemetry.resource-attributes";

	private static final String SERVICE_NAME = "service.name";

	private static final String SERVICE_NAMESPACE = "service.namespace";

	private static final String DEFAULT_SERVICE_NAME = "unknown_service";

	private OtlpResource() {
	}

	/**
	 * Builds the resource.
	 * @param binder the application's environment
	 * @param serviceName the service name the starter logs, or {@code null}
	 * @param ownAttributes the destination's resource attributes, which take precedence
	 * @param environmentVariables reads an environment variable
	 * @return the resource
	 */
	static Resource of(Binder binder, String serviceName, Map<String, String> ownAttributes,
			Function<String, String> environmentVariables) {
		Map<String, String> attributes = fromEnvironmentVariables(environmentVariables);
		attributes.putAll(binder.bind(BOOT_RESOURCE_ATTRIBUTES, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		attributes.putAll(ownAttributes);
		attributes.computeIfAbsent(SERVICE_NAME,
				(key) -> StringUtils.hasText(serviceName) ? serviceName : DEFAULT_SERVICE_NAME);
		binder.bind("spring.application.group", String.class)
			.ifBound((group) -> attributes.putIfAbsent(SERVICE_NAMESPACE, group));
		AttributesBuilder builder = Attributes.builder();
		attributes.forEach((name, value) -> {
			if (StringUtils.hasLength(name) && value != null) {
				builder.put(name, value);
			}
		});
		return Resource.create(builder.build());
	}

	private static Map<String, String> fromEnvironmentVariables(Function<String, String> environmentVariables) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (String attribute : StringUtils
			.tokenizeToStringArray(environmentVariables.apply("OTEL_RESOURCE_ATTRIBUTES"), ",")) {
			int equals = attribute.indexOf('=');
			if (equals > 0) {
				attributes.put(attribute.substring(0, equals).trim(), percentDecoded(attribute.substring(equals + 1).trim()));
			}
		}
		String serviceName = environmentVariables.apply("OTEL_SERVICE_NAME");
		if (serviceName != null) {
			attributes.put(SERVICE_NAME, serviceName);
		}
		return attributes;
	}

	/**
	 * W3C baggage percent-encoding, as the OpenTelemetry specification asks of OTEL_RESOURCE_ATTRIBUTES; unlike
	 * URL decoding, {@code +} stays a plus. A malformed escape is kept as it is.
	 */
	private static String percentDecoded(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			int high = (bytes[i] == '%' && i + 2 < bytes.length) ? Character.digit(bytes[i + 1], 16) : -1;
			int low = (high >= 0) ? Character.digit(bytes[i + 2], 16) : -1;
			if (low >= 0) {
				out.write((high << 4) + low);
				i += 2;
			}
			else {
				out.write(bytes[i]);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
