package io.github.structuredlogging.identity;

import java.util.Optional;

import io.github.structuredlogging.correlation.RequestContext;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter, placed right after Spring Security's, that writes the authenticated principal's name into the
 * Reactor context (from where {@link PrincipalAccessor} restores it into the MDC around every operator of the
 * request) and into the request's context, for the exchange line written outside this filter.
 */
public class PrincipalWebFilter implements WebFilter, Ordered {

	private final PrincipalNames names;

	private final String key;

	private final int order;

	public PrincipalWebFilter(PrincipalNames names, String key, int order) {
		this.names = names;
		this.key = key;
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal()
			.mapNotNull(this.names::of)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((name) -> {
				if (name.isEmpty()) {
					return chain.filter(exchange);
				}
				if (exchange.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context) {
					exchange.getAttributes().put(RequestContext.ATTRIBUTE, context.withField(this.key, name.get()));
				}
				return chain.filter(exchange).contextWrite((ctx) -> ctx.put(PrincipalAccessor.KEY, name.get()));
			});
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
