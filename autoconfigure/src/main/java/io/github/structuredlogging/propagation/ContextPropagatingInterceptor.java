package io.github.structuredlogging.propagation;

import java.io.IOException;

import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Carries the correlation id of the calling thread on {@code RestClient} and {@code RestTemplate} calls. These
 * clients run the call on the caller's thread, so the id is read from its MDC.
 */
public class ContextPropagatingInterceptor implements ClientHttpRequestInterceptor {

	private final OutgoingHeaders headers;

	private final String correlationIdKey;

	public ContextPropagatingInterceptor(OutgoingHeaders headers, String correlationIdKey) {
		this.headers = headers;
		this.correlationIdKey = correlationIdKey;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.headers.addTo(request.getURI(), MDC.get(this.correlationIdKey), request.getHeaders());
		return execution.execute(request, body);
	}

}
