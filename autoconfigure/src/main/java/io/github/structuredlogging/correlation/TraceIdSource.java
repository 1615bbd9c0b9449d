package io.github.structuredlogging.correlation;

/**
 * The trace id of the span current on the calling thread, from whatever tracing the application runs, so that a
 * request without a correlation header is correlated by its trace id: one id per request, in the logs and in the
 * traces alike.
 */
@FunctionalInterface
public interface TraceIdSource {

	/** No tracing: never a trace id. */
	TraceIdSource NONE = () -> null;

	/**
	 * The trace id of the current span.
	 * @return the id, or {@code null} when no span is current
	 */
	String currentTraceId();

}
