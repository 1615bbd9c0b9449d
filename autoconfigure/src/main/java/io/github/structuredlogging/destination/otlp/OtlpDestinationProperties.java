package io.github.structuredlogging.destination.otlp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of one OTLP destination: where the OTLP/HTTP logs endpoint is and how to reach it. Batching, retries and
 * what happens during an outage are the pipeline's, as for every destination; the exporter sends one batch per call
 * and never retries on its own.
 */
public class OtlpDestinationProperties {

	/** Endpoint used when neither this destination nor Spring Boot's OTLP logging export names one. */
	public static final String DEFAULT_ENDPOINT = "http://localhost:4318/v1/logs";

	/**
	 * URL of the OTLP/HTTP logs endpoint, such as http://collector:4318/v1/logs. Defaults to
	 * management.opentelemetry.logging.export.otlp.endpoint when set, otherwise to http://localhost:4318/v1/logs.
	 */
	@Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
	private String endpoint;

	/**
	 * HTTP headers sent with every request, such as an Authorization header. Defaults to
	 * management.opentelemetry.logging.export.otlp.headers.
	 */
	@NotNull
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Longest time one export request may take, connection included.
	 */
	@NotNull
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Time allowed to connect to the endpoint.
	 */
	@NotNull
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Compression of the request body: none or gzip.
	 */
	@NotNull
	@Pattern(regexp = "none|gzip", message = "must be none or gzip")
	private String compression = "gzip";

	/**
	 * Resource attributes of this destination's records, over those of OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME
	 * and management.opentelemetry.resource-attributes. service.name defaults to spring.application.name.
	 */
	@NotNull
	private Map<String, String> resourceAttributes = new LinkedHashMap<>();

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public String getCompression() {
		return this.compression;
	}

	public void setCompression(String compression) {
		this.compression = compression;
	}

	public Map<String, String> getResourceAttributes() {
		return this.resourceAttributes;
	}

	public void setResourceAttributes(Map<String, String> resourceAttributes) {
		this.resourceAttributes = resourceAttributes;
	}

}
