package io.github.structuredlogging.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The trace id of Micrometer Tracing's current span, with the Brave or the OpenTelemetry bridge alike.
 */
public class MicrometerTraceIdSource implements TraceIdSource {

	private final Tracer tracer;

	public MicrometerTraceIdSource(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public String currentTraceId() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return (traceId != null && !traceId.isEmpty()) ? traceId : null;
	}

}
