package io.github.structuredlogging.exchange;

import java.util.Map;

import io.github.structuredlogging.correlation.RequestContextAccessor;
import io.github.structuredlogging.exchange.HttpExchange.Direction;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Writes one line per {@code WebClient} call, when its response headers arrive or the call fails. The response
 * arrives on an I/O thread, so the line is written in the context of the work that subscribed: the request
 * context of the Reactor context inside WebFlux, else the subscriber's MDC.
 */
public class OutboundExchangeFilterFunction implements ExchangeFilterFunction {

	private final ExchangeLogger logger;

	private final ExchangeHeaders headers;

	/**
	 * Creates the filter.
	 * @param logger writes the lines
	 * @param headers renders headers, or {@code null} to leave them out
	 */
	public OutboundExchangeFilterFunction(ExchangeLogger logger, ExchangeHeaders headers) {
		this.logger = logger;
		this.headers = headers;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((reactorContext) -> {
			Map<String, String> context = reactorContext.getOrDefault(RequestContextAccessor.KEY, null);
			Map<String, String> logContext = (context != null) ? context : MDC.getCopyOfContextMap();
			HttpExchange exchange = HttpExchange.start(Direction.OUTBOUND, request.method().name())
				.route(OutboundRoutes.of(request.url(), request.attributes()))
				.peer(OutboundRoutes.peer(request.url()));
			if (this.headers != null) {
				exchange.requestHeaders(
						this.headers.render(request.headers().headerNames(), request.headers()::getOrEmpty));
			}
			return next.exchange(request).doOnNext((response) -> {
				exchange.status(response.statusCode().value())
					.responseBytes(response.headers().contentLength().orElse(-1));
				if (this.headers != null) {
					exchange.responseHeaders(this.headers.render(response.headers().asHttpHeaders().headerNames(),
							response.headers().asHttpHeaders()::getOrEmpty));
				}
				this.logger.log(exchange, logContext);
			}).doOnError((ex) -> this.logger.log(exchange.failure(ex), logContext));
		});
	}

}
