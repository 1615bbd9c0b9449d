package io.github.structuredlogging.format;

import java.util.Map;

/**
 * The MDC keys under which Micrometer Tracing (with Brave or OpenTelemetry, as Spring Boot configures it) puts the
 * ids of the current span, and the names formats give them.
 */
final class TracingFields {

	/** MDC key of the trace id. */
	static final String TRACE_ID_KEY = "traceId";

	/** MDC key of the span id. */
	static final String SPAN_ID_KEY = "spanId";

	private TracingFields() {
	}

	static Map<String, String> mdcNames(String traceIdField, String spanIdField) {
		return Map.of(TRACE_ID_KEY, traceIdField, SPAN_ID_KEY, spanIdField);
	}

}
