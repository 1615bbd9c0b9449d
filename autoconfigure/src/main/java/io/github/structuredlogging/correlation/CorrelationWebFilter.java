package io.github.structuredlogging.correlation;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter that writes the {@link RequestContext} into the Reactor context, from where Micrometer
 * context-propagation restores it into the MDC around every operator of the request's chain, on whatever thread
 * it runs.
 */
public class CorrelationWebFilter implements WebFilter, Ordered {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final RequestContextResolver resolver;

	private final String responseHeader;

	private final int order;

	/**
	 * Creates the filter.
	 * @param resolver resolves the context from the request headers
	 * @param responseHeader the header that echoes the correlation id, or {@code null} for none
	 * @param order the filter order
	 */
	public CorrelationWebFilter(RequestContextResolver resolver, String responseHeader, int order) {
		this.resolver = resolver;
		this.responseHeader = responseHeader;
		this.order = order;
	}

	/**
	 * Resolves the context with the thread-locals of the Reactor context in place, among them the observation of
	 * the request (which WebFlux puts there before any filter runs), so that the span of the request is current
	 * and its trace id can be the correlation id.
	 */
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((reactorContext) -> {
			RequestContext context;
			try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(reactorContext)) {
				context = this.resolver.resolve(exchange.getRequest().getHeaders()::getFirst);
			}
			exchange.getAttributes().put(RequestContext.ATTRIBUTE, context);
			if (this.responseHeader != null) {
				exchange.getResponse().getHeaders().set(this.responseHeader, context.correlationId());
			}
			return chain.filter(exchange)
				.contextWrite((ctx) -> ctx.put(RequestContextAccessor.KEY, context.fields()));
		});
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
