package io.github.structuredlogging.exchange;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.structuredlogging.correlation.RequestContext;

/**
 * Finishes and writes the line of a received request, whatever the web stack: the route template (never the raw
 * path, which would hold ids), the status, the bytes sent, the headers when enabled, in the request's context.
 */
final class InboundExchangeLines {

	/** Route of a request no handler pattern matched. */
	static final String UNMATCHED_ROUTE = "UNMATCHED";

	private final ExchangeLogger logger;

	private final ExchangeHeaders headers;

	/**
	 * Creates the line writer.
	 * @param logger writes the lines
	 * @param headers renders headers, or {@code null} to leave them out
	 */
	InboundExchangeLines(ExchangeLogger logger, ExchangeHeaders headers) {
		this.logger = logger;
		this.headers = headers;
	}

	/**
	 * Completes the exchange and writes its line.
	 * @param exchange the exchange, with whatever the web stack alone knows already set
	 * @param route the matched route template, or {@code null} when no handler matched
	 * @param status the response status
	 * @param responseBytes the response body bytes sent
	 * @param requestHeaders the request headers, read only when headers are logged
	 * @param responseHeaders the response headers, read only when headers are logged
	 * @param context the request attribute holding the {@link RequestContext}, or {@code null}
	 */
	void write(HttpExchange exchange, String route, int status, long responseBytes, Supplier<Headers> requestHeaders,
			Supplier<Headers> responseHeaders, Object context) {
		exchange.route((route != null) ? route : UNMATCHED_ROUTE).status(status).responseBytes(responseBytes);
		if (this.headers != null) {
			exchange.requestHeaders(render(requestHeaders.get()));
			exchange.responseHeaders(render(responseHeaders.get()));
		}
		this.logger.log(exchange, (context instanceof RequestContext requestContext) ? requestContext.fields() : null);
	}

	private Map<String, String> render(Headers headers) {
		return this.headers.render(headers.names(), headers.values());
	}

	/**
	 * The headers of one side of an exchange, as the web stack exposes them.
	 *
	 * @param names the header names
	 * @param values the values of a header by name
	 */
	record Headers(Iterable<String> names, Function<String, ? extends Collection<String>> values) {

	}

}
