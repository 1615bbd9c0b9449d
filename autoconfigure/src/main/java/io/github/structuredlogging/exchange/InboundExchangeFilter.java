package io.github.structuredlogging.exchange;

import java.io.IOException;
import java.util.Collections;

import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.exchange.HttpExchange.Direction;
import io.github.structuredlogging.exchange.InboundExchangeLines.Headers;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Servlet filter that writes one line per received request once its response is complete: when the filter chain
 * returns, or when asynchronous processing completes. Runs inside the correlation filter, so the line carries the
 * request's context.
 */
public class InboundExchangeFilter extends OncePerRequestFilter {

	private final InboundExchangeLines lines;

	private final ExcludedPaths excluded;

	private final ExchangeBodies bodies;

	/**
	 * Creates the filter.
	 * @param logger writes the lines
	 * @param excluded the paths that get no line
	 * @param headers renders headers, or {@code null} to leave them out
	 * @param bodies renders bodies, or {@code null} to leave them out
	 */
	public InboundExchangeFilter(ExchangeLogger logger, ExcludedPaths excluded, ExchangeHeaders headers,
			ExchangeBodies bodies) {
		this.lines = new InboundExchangeLines(logger, headers);
		this.excluded = excluded;
		this.bodies = bodies;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.excluded.excludes(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpExchange exchange = HttpExchange.start(Direction.INBOUND, request.getMethod())
			.peer(request.getRemoteAddr());
		int captureBytes = (this.bodies != null) ? this.bodies.maxBytes() : 0;
		HttpServletRequest wrappedRequest = (captureBytes > 0)
				? new ContentCachingRequestWrapper(request, captureBytes) : request;
		CapturingResponseWrapper wrappedResponse = new CapturingResponseWrapper(response, captureBytes);
		try {
			chain.doFilter(wrappedRequest, wrappedResponse);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			exchange.failure(unwrap(ex));
			throw ex;
		}
		finally {
			wrappedResponse.flushWriter();
			if (exchange.failure() == null && request.isAsyncStarted()) {
				request.getAsyncContext()
					.addListener(new CompletionListener(exchange, wrappedRequest, wrappedResponse));
			}
			else {
				complete(exchange, wrappedRequest, wrappedResponse);
			}
		}
	}

	/**
	 * The exception the application threw: the dispatcher servlet wraps it into a {@link ServletException}.
	 */
	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof ServletException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private void complete(HttpExchange exchange, HttpServletRequest request, CapturingResponseWrapper response) {
		int status = response.getStatus();
		if (exchange.failure() != null && status < 400) {
			// The container turns the exception into a 500 only after this filter has returned.
			status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		}
		exchange.requestBytes(requestBytes(request));
		if (this.bodies != null) {
			if (request instanceof ContentCachingRequestWrapper cached) {
				byte[] content = cached.getContentAsByteArray();
				exchange.requestBody(this.bodies.render(content, content.length, requestBytes(request),
						request.getContentType()));
			}
			exchange.responseBody(this.bodies.render(response.captured(), response.capturedLength(),
					response.count(), response.getContentType()));
		}
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		this.lines.write(exchange, (route != null) ? route.toString() : null, status, response.count(),
				() -> new Headers(Collections.list(request.getHeaderNames()),
						(name) -> Collections.list(request.getHeaders(name))),
				() -> new Headers(response.getHeaderNames(), response::getHeaders),
				request.getAttribute(RequestContext.ATTRIBUTE));
	}

	/**
	 * The declared length, else what the application read (a chunked body it read to the end, or the part of it
	 * the body capture kept).
	 */
	private static long requestBytes(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		if (declared >= 0 || !(request instanceof ContentCachingRequestWrapper cached)) {
			return declared;
		}
		return cached.getContentAsByteArray().length;
	}

	private final class CompletionListener implements AsyncListener {

		private final HttpExchange exchange;

		private final HttpServletRequest request;

		private final CapturingResponseWrapper response;

		CompletionListener(HttpExchange exchange, HttpServletRequest request, CapturingResponseWrapper response) {
			this.exchange = exchange;
			this.request = request;
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			complete(this.exchange, this.request, this.response);
		}

		@Override
		public void onError(AsyncEvent event) {
			this.exchange.failure(event.getThrowable());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
