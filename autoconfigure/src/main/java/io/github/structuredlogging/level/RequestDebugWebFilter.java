package io.github.structuredlogging.level;

import io.github.structuredlogging.correlation.RequestContext;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter that marks a request for DEBUG lines, like {@link RequestDebugFilter} does for servlets. The mark
 * goes into the Reactor context of the request only; {@link RequestDebugAccessor} puts it into the MDC of whichever
 * thread runs one of the request's operators, and takes it out again when that thread moves on to another request.
 */
public class RequestDebugWebFilter implements WebFilter, Ordered {

	private final RequestDebugSelector selector;

	private final int order;

	/**
	 * Creates the filter.
	 * @param properties the per-request DEBUG settings
	 * @param order the filter order, after the correlation filter so a request can be chosen by its correlation id
	 */
	public RequestDebugWebFilter(LevelProperties.RequestDebug properties, int order) {
		this.selector = new RequestDebugSelector(properties);
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean chosen = this.selector.isChosen(
				exchange.getRequest().getHeaders().getFirst(this.selector.headerName()),
				exchange.getAttribute(RequestContext.ATTRIBUTE));
		if (!chosen) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).contextWrite((context) -> context.put(RequestDebugAccessor.KEY, "true"));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
