package io.github.structuredlogging.exchange;

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
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
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

	private final ExchangeBodies bodies;

	private final int order;

	/**
	 * Creates the filter.
	 * @param logger writes the lines
	 * @param excluded the paths that get no line
	 * @param headers renders headers, or {@code null} to leave them out
	 * @param bodies renders bodies, or {@code null} to leave them out
	 * @param order the filter order, after the correlation filter's
	 */
	public InboundExchangeWebFilter(ExchangeLogger logger, ExcludedPaths excluded, ExchangeHeaders headers,
			ExchangeBodies bodies, int order) {
		this.lines = new InboundExchangeLines(logger, headers);
		this.excluded = excluded;
		this.bodies = bodies;
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
		int captureBytes = (this.bodies != null) ? this.bodies.maxBytes() : 0;
		Bodies bodies = new Bodies(new BodyCapture(captureBytes), new BodyCapture(captureBytes));
		ServerWebExchange.Builder decorated = exchange.mutate()
			.response(new CapturingResponse(exchange.getResponse(), bodies.response()));
		if (this.bodies != null) {
			decorated.request(new CapturingRequest(request, bodies.request()));
		}
		ServerWebExchange counted = decorated.build();
		return chain.filter(counted)
			.doOnSuccess((done) -> complete(line, counted, exchange.getResponse().getStatusCode(), bodies))
			.doOnError((ex) -> {
				if (ex instanceof ErrorResponse answered) {
					complete(line, counted, answered.getStatusCode(), bodies);
				}
				else {
					complete(line.failure(ex), counted, HttpStatusCode.valueOf(500), bodies);
				}
			});
	}

	private void complete(HttpExchange line, ServerWebExchange exchange, HttpStatusCode status, Bodies bodies) {
		PathPattern route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (this.bodies != null) {
			renderBodies(line, exchange, bodies);
		}
		HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
		HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
		this.lines.write(line, (route != null) ? route.getPatternString() : null,
				(status != null) ? status.value() : 200, bodies.response().count(),
				() -> new Headers(requestHeaders.headerNames(), requestHeaders::getOrEmpty),
				() -> new Headers(responseHeaders.headerNames(), responseHeaders::getOrEmpty),
				exchange.getAttribute(RequestContext.ATTRIBUTE));
	}

	/**
	 * The request's length is the declared one, else what the application read of it.
	 */
	private void renderBodies(HttpExchange line, ServerWebExchange exchange, Bodies bodies) {
		HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
		long declared = requestHeaders.getContentLength();
		BodyCapture request = bodies.request();
		line.requestBody(this.bodies.render(request.captured(), request.capturedLength(),
				(declared >= 0) ? declared : request.count(), requestHeaders.getFirst(HttpHeaders.CONTENT_TYPE)));
		BodyCapture response = bodies.response();
		line.responseBody(this.bodies.render(response.captured(), response.capturedLength(), response.count(),
				exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	private record Bodies(BodyCapture request, BodyCapture response) {

	}

	/**
	 * Sees the request body as the application reads it; a body nobody reads is not read for the line either.
	 */
	private static final class CapturingRequest extends ServerHttpRequestDecorator {

		private final BodyCapture capture;

		CapturingRequest(ServerHttpRequest delegate, BodyCapture capture) {
			super(delegate);
			this.capture = capture;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return super.getBody().doOnNext(this.capture::add);
		}

	}

	private static final class CapturingResponse extends ServerHttpResponseDecorator {

		private final BodyCapture capture;

		CapturingResponse(ServerHttpResponse delegate, BodyCapture capture) {
			super(delegate);
			this.capture = capture;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).doOnNext(this.capture::add));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(
					Flux.from(body).map((part) -> Flux.from(part).doOnNext(this.capture::add)));
		}

	}

}
