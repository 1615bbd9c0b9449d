package io.github.structuredlogging.propagation;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * Decides which context headers an outgoing call carries and writes them: the correlation id under the header the
 * receiving correlation filter reads, and a W3C {@code traceparent} whose trace id is the correlation id, so that a
 * receiving service with a tracer continues the same trace. Calls to hosts outside the allow list carry nothing.
 * The same policy writes the headers of Kafka records.
 */
public class OutgoingHeaders {

	static final String TRACEPARENT = "traceparent";

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final AllowedHosts allowedHosts;

	private final String correlationHeader;

	private final boolean sendCorrelationId;

	private final boolean sendTraceparent;

	/**
	 * Creates the header policy.
	 * @param properties the propagation settings
	 * @param correlationHeader the header carrying the correlation id
	 */
	public OutgoingHeaders(PropagationProperties properties, String correlationHeader) {
		this.allowedHosts = new AllowedHosts(properties.getAllowedHosts());
		this.correlationHeader = correlationHeader;
		this.sendCorrelationId = properties.isSendCorrelationId();
		this.sendTraceparent = properties.isSendTraceparent();
	}

	/**
	 * Adds the context headers of one call. Headers the caller (or a tracer) set already are left as they are.
	 * @param uri the address called
	 * @param correlationId the correlation id of the work making the call, or {@code null} outside any request
	 * @param headers the headers of the call
	 */
	public void addTo(URI uri, String correlationId, HttpHeaders headers) {
		if (this.allowedHosts.allows(uri)) {
			addTo(correlationId, headers::containsHeader, headers::set);
		}
	}

	/**
	 * Adds the context headers to a message of any transport whose destination was allowed by the caller.
	 * @param correlationId the correlation id of the work sending the message, or {@code null} outside any request
	 * @param present tells whether the message already has a header
	 * @param setter sets a header
	 */
	public void addTo(String correlationId, Predicate<String> present, BiConsumer<String, String> setter) {
		if (correlationId == null) {
			return;
		}
		if (this.sendCorrelationId && !present.test(this.correlationHeader)) {
			setter.accept(this.correlationHeader, correlationId);
		}
		if (this.sendTraceparent && !present.test(TRACEPARENT)) {
			String traceId = traceId(correlationId);
			if (traceId != null) {
				setter.accept(TRACEPARENT, "00-" + traceId + "-" + spanId() + "-00");
			}
		}
	}

	private static String traceId(String correlationId) {
		String traceId = null;
		if (HEX_32.matcher(correlationId).matches()) {
			traceId = correlationId;
		}
		else if (UUID.matcher(correlationId).matches()) {
			traceId = correlationId.replace("-", "").toLowerCase(Locale.ROOT);
		}
		return (traceId != null && !INVALID_TRACE_ID.equals(traceId)) ? traceId : null;
	}

	/**
	 * A fresh parent id for the call: it names this call, not a span of a tracer, and the W3C format forbids an
	 * all-zero id.
	 */
	private static String spanId() {
		long id;
		do {
			id = ThreadLocalRandom.current().nextLong();
		}
		while (id == 0);
		return String.format("%016x", id);
	}

}
