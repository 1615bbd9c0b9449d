package io.github.structuredlogging.propagation;

import java.util.Map;

import io.github.structuredlogging.correlation.RequestContextAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Carries the correlation id on {@code WebClient} calls. Inside a WebFlux request the id lives in the Reactor
 * context the correlation filter wrote; a call made from a servlet request (and blocked on) is subscribed on the
 * caller's thread, whose MDC holds it.
 */
public class ContextPropagatingExchangeFilter implements ExchangeFilterFunction {

	private final OutgoingHeaders headers;

	private final String correlationIdKey;

	public ContextPropagatingExchangeFilter(OutgoingHeaders headers, String correlationIdKey) {
		this.headers = headers;
		this.correlationIdKey = correlationIdKey;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((context) -> {
			String correlationId = correlationId(context);
			ClientRequest propagated = ClientRequest.from(request)
				.headers((headers) -> this.headers.addTo(request.url(), correlationId, headers))
				.build();
			return next.exchange(propagated);
		});
	}

	private String correlationId(ContextView context) {
		Map<String, String> fields = context.getOrDefault(RequestContextAccessor.KEY, null);
		String correlationId = (fields != null) ? fields.get(this.correlationIdKey) : null;
		return (correlationId != null) ? correlationId : MDC.get(this.correlationIdKey);
	}

}
