package io.github.structuredlogging.exchange;

import java.io.IOException;

import io.github.structuredlogging.exchange.HttpExchange.Direction;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Writes one line per {@code RestClient} or {@code RestTemplate} call, when its response headers arrive (the body
 * is read by the caller afterwards, so its size is the declared one). The call runs on the caller's thread, so the
 * line carries the caller's context.
 */
public class OutboundExchangeInterceptor implements ClientHttpRequestInterceptor {

	private final ExchangeLogger logger;

	private final ExchangeHeaders headers;

	private final ExchangeBodies bodies;

	/**
	 * Creates the interceptor.
	 * @param logger writes the lines
	 * @param headers renders headers, or {@code null} to leave them out
	 * @param bodies renders request bodies, or {@code null} to leave them out
	 */
	public OutboundExchangeInterceptor(ExchangeLogger logger, ExchangeHeaders headers, ExchangeBodies bodies) {
		this.logger = logger;
		this.headers = headers;
		this.bodies = bodies;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpExchange exchange = HttpExchange.start(Direction.OUTBOUND, request.getMethod().name())
			.route(OutboundRoutes.of(request.getURI(), request.getAttributes()))
			.peer(OutboundRoutes.peer(request.getURI()))
			.requestBytes(body.length);
		if (this.headers != null) {
			exchange.requestHeaders(
					this.headers.render(request.getHeaders().headerNames(), request.getHeaders()::getOrEmpty));
		}
		if (this.bodies != null) {
			exchange.requestBody(this.bodies.render(body, body.length, body.length,
					request.getHeaders().getFirst("Content-Type")));
		}
		try {
			ClientHttpResponse response = execution.execute(request, body);
			exchange.status(response.getStatusCode().value()).responseBytes(response.getHeaders().getContentLength());
			if (this.headers != null) {
				exchange.responseHeaders(this.headers.render(response.getHeaders().headerNames(),
						response.getHeaders()::getOrEmpty));
			}
			this.logger.log(exchange, null);
			return response;
		}
		catch (IOException | RuntimeException ex) {
			this.logger.log(exchange.failure(ex), null);
			throw ex;
		}
	}

}
