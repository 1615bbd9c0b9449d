package io.github.structuredlogging.exchange;

import java.util.concurrent.atomic.AtomicLong;

import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.exchange.HttpExchange.Direction;
import io.github.structuredlogging.exchange.InboundExchangeLines.Headers;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

/**
 * WebFlux filter that writes one line per received request when its handling completes. An error that carries an
 * HTTP status (a {@code ResponseStatusException}, say) is an answer with that status, not a failure: WebFlux turns
 * it into the response only after the filter chain.
 */
public class InboundExchangeWebFilter implements WebFilter, Ordered {

	private final InboundExchangeLines lines;

	private final ExcludedPaths excluded;

	private final int order;

	/**
	 * Creates the filter.
	 * @param logger writes the lines
	 * @param excluded the paths that get no line
	 * @param headers renders headers, or {@code null} to leave them out
	 * @param order the filter order, after the correlation filter's
	 */
	public InboundExchangeWebFilter(ExchangeLogger logger, ExcludedPaths excluded, ExchangeHeaders headers,
			int order) {
		this.lines = new InboundExchangeLines(logger, headers);
		this.excluded = excluded;
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.excluded.excludes(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		HttpExchange line = HttpExchange.start(Direction.INBOUND, request.getMethod().name())
			.requestBytes(request.getHeaders().getContentLength());
		if (request.getRemoteAddress() != null) {
			line.peer(request.getRemoteAddress().getAddress().getHostAddress());
		}
		AtomicLong responseBytes = new AtomicLong();
		ServerWebExchange counted = exchange.mutate()
			.response(new CountingResponse(exchange.getResponse(), responseBytes))
			.build();
		return chain.filter(counted)
			.doOnSuccess((done) -> complete(line, counted, exchange.getResponse().getStatusCode(), responseBytes))
			.doOnError((ex) -> {
				if (ex instanceof ErrorResponse answered) {
					complete(line, counted, answered.getStatusCode(), responseBytes);
				}
				else {
					complete(line.failure(ex), counted, HttpStatusCode.valueOf(500), responseBytes);
				}
			});
	}

	private void complete(HttpExchange line, ServerWebExchange exchange, HttpStatusCode status, AtomicLong bytes) {
		PathPattern route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
		HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
		this.lines.write(line, (route != null) ? route.getPatternString() : null,
				(status != null) ? status.value() : 200, bytes.get(),
				() -> new Headers(requestHeaders.headerNames(), requestHeaders::getOrEmpty),
				() -> new Headers(responseHeaders.headerNames(), responseHeaders::getOrEmpty),
				exchange.getAttribute(RequestContext.ATTRIBUTE));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	private static final class CountingResponse extends ServerHttpResponseDecorator {

		private final AtomicLong bytes;

		CountingResponse(ServerHttpResponse delegate, AtomicLong bytes) {
			super(delegate);
			this.bytes = bytes;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).doOnNext(this::count));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body).map((part) -> Flux.from(part).doOnNext(this::count)));
		}

		private void count(DataBuffer buffer) {
			this.bytes.addAndGet(buffer.readableByteCount());
		}

	}

}
