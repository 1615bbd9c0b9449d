package io.github.structuredlogging.level;

import java.io.IOException;

import io.github.structuredlogging.correlation.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that marks a request for DEBUG lines when it carries the debug header (with the token, when one
 * is set) or its correlation id is one of those chosen. The mark is an MDC entry, so it follows the request to
 * {@code @Async} methods and executors like the rest of its context, and appears on its lines.
 */
public class RequestDebugFilter extends OncePerRequestFilter {

	private final RequestDebugSelector selector;

	private final String markerKey;

	public RequestDebugFilter(LevelProperties.RequestDebug properties) {
		this.selector = new RequestDebugSelector(properties);
		this.markerKey = properties.getMarkerKey();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean chosen = this.selector.isChosen(request.getHeader(this.selector.headerName()),
				request.getAttribute(RequestContext.ATTRIBUTE));
		if (!chosen || MDC.get(this.markerKey) != null) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(this.markerKey, "true");
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(this.markerKey);
		}
	}

}
