package io.github.structuredlogging.exchange;

import java.util.Locale;
import java.util.Map;

import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.exchange.HttpExchange.Body;
import io.github.structuredlogging.exchange.HttpExchange.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the one line of an HTTP exchange: its facts as top-level JSON fields, at a level chosen by its outcome.
 * Inbound and outbound exchanges go to their own loggers, so either can be switched off or re-leveled by name.
 */
public class ExchangeLogger {

	/** Logger of the exchanges the application receives. */
	public static final String INBOUND_LOGGER = "io.github.structuredlogging.exchange.inbound";

	/** Logger of the calls the application makes. */
	public static final String OUTBOUND_LOGGER = "io.github.structuredlogging.exchange.outbound";

	/** Field holding "inbound" or "outbound". */
	public static final String DIRECTION_FIELD = "http_direction";

	/** Field holding the request method. */
	public static final String METHOD_FIELD = "http_method";

	/** Field holding the route template (never the raw path, which would hold ids). */
	public static final String ROUTE_FIELD = "http_route";

	/** Field holding the response status, absent when no response arrived. */
	public static final String STATUS_FIELD = "http_status";

	/** Field holding the duration in milliseconds, to the microsecond. */
	public static final String DURATION_FIELD = "duration_ms";

	/** Field holding the request body size in bytes, when known. */
	public static final String REQUEST_BYTES_FIELD = "http_request_bytes";

	/** Field holding the response body size in bytes, when known. */
	public static final String RESPONSE_BYTES_FIELD = "http_response_bytes";

	/** Field holding the remote address of an inbound request or the host and port called. */
	public static final String PEER_FIELD = "http_peer";

	/** Field holding the request headers, when enabled. */
	public static final String REQUEST_HEADERS_FIELD = "http_request_headers";

	/** Field holding the response headers, when enabled. */
	public static final String RESPONSE_HEADERS_FIELD = "http_response_headers";

	/** Field holding the request body, when enabled. */
	public static final String REQUEST_BODY_FIELD = "http_request_body";

	/** Field holding the response body, when enabled. */
	public static final String RESPONSE_BODY_FIELD = "http_response_body";

	/** Field set to true when the request body was cut at the size cap. */
	public static final String REQUEST_BODY_TRUNCATED_FIELD = "http_request_body_truncated";

	/** Field set to true when the response body was cut at the size cap. */
	public static final String RESPONSE_BODY_TRUNCATED_FIELD = "http_response_body_truncated";

	private final Logger inbound = LoggerFactory.getLogger(INBOUND_LOGGER);

	private final Logger outbound = LoggerFactory.getLogger(OUTBOUND_LOGGER);

	private final ExchangeProperties.Levels levels;

	public ExchangeLogger(ExchangeProperties.Levels levels) {
		this.levels = levels;
	}

	/**
	 * Writes the line of an exchange that has ended.
	 * @param exchange the exchange
	 * @param context the request context to write the line in (its MDC entries), or {@code null} to use the
	 * calling thread's
	 */
	public void log(HttpExchange exchange, Map<String, String> context) {
		Logger logger = (exchange.direction() == Direction.INBOUND) ? this.inbound : this.outbound;
		Level level = this.levels.of(exchange.status(), exchange.failure());
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		long durationNanos = System.nanoTime() - exchange.startNanos();
		LoggingEventBuilder builder = logger.atLevel(level)
			.addKeyValue(DIRECTION_FIELD, exchange.direction().name().toLowerCase(Locale.ROOT))
			.addKeyValue(METHOD_FIELD, exchange.method())
			.addKeyValue(ROUTE_FIELD, exchange.route());
		if (exchange.status() > 0) {
			builder.addKeyValue(STATUS_FIELD, exchange.status());
		}
		builder.addKeyValue(DURATION_FIELD, Math.round(durationNanos / 1_000.0) / 1_000.0);
		addIfKnown(builder, REQUEST_BYTES_FIELD, exchange.requestBytes());
		addIfKnown(builder, RESPONSE_BYTES_FIELD, exchange.responseBytes());
		addIfPresent(builder, PEER_FIELD, exchange.peer());
		addIfPresent(builder, REQUEST_HEADERS_FIELD, exchange.requestHeaders());
		addIfPresent(builder, RESPONSE_HEADERS_FIELD, exchange.responseHeaders());
		addBody(builder, REQUEST_BODY_FIELD, REQUEST_BODY_TRUNCATED_FIELD, exchange.requestBody());
		addBody(builder, RESPONSE_BODY_FIELD, RESPONSE_BODY_TRUNCATED_FIELD, exchange.responseBody());
		if (exchange.failure() != null) {
			builder.setCause(exchange.failure());
		}
		String message = exchange.method() + " " + exchange.route() + " "
				+ ((exchange.failure() != null) ? "failed" : exchange.status());
		if (context == null) {
			builder.log(message);
			return;
		}
		try (MdcScope scope = MdcScope.open(context)) {
			builder.log(message);
		}
	}

	private static void addIfKnown(LoggingEventBuilder builder, String field, long bytes) {
		if (bytes >= 0) {
			builder.addKeyValue(field, bytes);
		}
	}

	private static void addIfPresent(LoggingEventBuilder builder, String field, Object value) {
		if (value != null) {
			builder.addKeyValue(field, value);
		}
	}

	private static void addBody(LoggingEventBuilder builder, String field, String truncatedField, Body body) {
		if (body != null) {
			builder.addKeyValue(field, body.content());
			if (body.truncated()) {
				builder.addKeyValue(truncatedField, true);
			}
		}
	}

}
