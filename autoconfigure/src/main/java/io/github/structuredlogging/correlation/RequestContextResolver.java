package io.github.structuredlogging.correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.structuredlogging.correlation.HeaderValueValidator.Rejection;

/**
 * Turns the headers of an inbound request into its {@link RequestContext}, whatever the web stack. Inbound values
 * only enter the context once validated; a rejected correlation id is replaced by a fresh one and the rejection is
 * recorded in the context itself, so the events of that request say so without an extra log line.
 */
public class RequestContextResolver {

	private final CorrelationProperties properties;

	private final HeaderValueValidator validator;

	private final CorrelationIdGenerator generator;

	private final SessionFingerprint fingerprint;
	private final TraceIdSource traceIds;

	public RequestContextResolver(CorrelationProperties properties, CorrelationIdGenerator generator) {
		this(properties, generator, TraceIdSource.NONE);
	}

	/**
	 * Creates a resolver.
	 * @param properties the correlation settings
	 * @param generator generates ids when a request brings none
	 * @param traceIds the trace id of the current span, which a request without a correlation header takes as its
	 * correlation id
	 */
	public RequestContextResolver(CorrelationProperties properties, CorrelationIdGenerator generator,
			TraceIdSource traceIds) {
		this.properties = properties;
		this.fingerprint = SessionFingerprint.withKey(properties.getFingerprintKey());
		this.validator = new HeaderValueValidator(properties.getMaxValueLength(),
				properties.getAllowedValuePattern());
		this.generator = generator;
		this.traceIds = traceIds;
	}

	/**
	 * Resolves the context of one request. Its correlation id is, in order: the correlation header when valid, the
	 * trace id of a W3C {@code traceparent} header (when enabled), the trace id of the current span, a new id.
	 * @param headers returns the first value of a header by name, or {@code null}
	 * @return the context
	 */
	public RequestContext resolve(UnaryOperator<String> headers) {
		List<String> rejected = new ArrayList<>(0);
		String correlationId = accepted(this.properties.getHeaderName(), headers, rejected);
		if (correlationId == null && this.properties.isUseTraceparent()) {
			correlationId = TraceParent.traceId(headers.apply(TraceParent.HEADER));
		}
		if (correlationId == null) {
			correlationId = this.traceIds.currentTraceId();
		}
		if (correlationId == null) {
			correlationId = this.generator.generate();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(this.properties.getCorrelationIdKey(), correlationId);
		fields.put(this.properties.getRequestIdKey(), this.generator.generate());
		this.properties.getHeaders().forEach((header, key) -> {
			if (key != null && !key.isEmpty()) {
				String value = accepted(header, headers, rejected);
				if (value != null) {
					fields.put(key, isFingerprinted(header) ? this.fingerprint.of(value) : value);
				}
			}
		});
		if (!rejected.isEmpty()) {
			fields.put(this.properties.getRejectedHeadersKey(), String.join(",", rejected));
		}
		return new RequestContext(correlationId, fields);
	}

	/**
	 * All MDC keys a resolved context can hold.
	 * @return the keys
	 */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		keys.add(this.properties.getCorrelationIdKey());
		keys.add(this.properties.getRequestIdKey());
		this.properties.getHeaders().values().stream().filter((key) -> key != null && !key.isEmpty()).forEach(keys::add);
		keys.add(this.properties.getRejectedHeadersKey());
		return keys;
	}

	private boolean isFingerprinted(String header) {
		for (String fingerprinted : this.properties.getFingerprintedHeaders()) {
			if (fingerprinted.equalsIgnoreCase(header)) {
				return true;
			}
		}
		return false;
	}

	private String accepted(String header, UnaryOperator<String> headers, List<String> rejected) {
		String value = headers.apply(header);
		if (value == null) {
			return null;
		}
		Rejection rejection = this.validator.check(value);
		if (rejection != null) {
			rejected.add(header + ":" + rejection.reason());
			return null;
		}
		return value;
	}

}
