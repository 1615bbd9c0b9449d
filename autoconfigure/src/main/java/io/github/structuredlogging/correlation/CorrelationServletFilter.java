package io.github.structuredlogging.correlation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that puts the {@link RequestContext} into the MDC for the lifetime of the request and echoes the
 * correlation id on the response. Async and error dispatches of the same request reuse the context resolved on
 * the first dispatch.
 */
public class CorrelationServletFilter extends OncePerRequestFilter {

	private final RequestContextResolver resolver;

	private final String responseHeader;

	/**
	 * Creates the filter.
	 * @param resolver resolves the context from the request headers
	 * @param responseHeader the header that echoes the correlation id, or {@code null} for none
	 */
	public CorrelationServletFilter(RequestContextResolver resolver, String responseHeader) {
		this.resolver = resolver;
		this.responseHeader = responseHeader;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		if (context == null) {
			context = this.resolver.resolve(request::getHeader);
			request.setAttribute(RequestContext.ATTRIBUTE, context);
		}
		if (this.responseHeader != null && !response.isCommitted()) {
			response.setHeader(this.responseHeader, context.correlationId());
		}
		try (MdcScope scope = MdcScope.open(context.fields())) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
