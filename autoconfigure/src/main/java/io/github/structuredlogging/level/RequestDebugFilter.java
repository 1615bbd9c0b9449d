package io.github.structuredlogging.level;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

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

	private final String headerName;

	private final byte[] token;

	private final Set<String> correlationIds;

	private final String markerKey;

	public RequestDebugFilter(LevelProperties.RequestDebug properties) {
		this.headerName = properties.getHeaderName();
		this.token = properties.getToken().getBytes(StandardCharsets.UTF_8);
		this.correlationIds = Set.copyOf(properties.getCorrelationIds());
		this.markerKey = properties.getMarkerKey();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isChosen(request) || MDC.get(this.markerKey) != null) {
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

	private boolean isChosen(HttpServletRequest request) {
		String header = request.getHeader(this.headerName);
		if (header != null && !header.isEmpty()) {
			// Compared in constant time: the token is a credential that switches on costly logging.
			if (this.token.length == 0 || MessageDigest.isEqual(this.token, header.getBytes(StandardCharsets.UTF_8))) {
				return true;
			}
		}
		Object context = request.getAttribute(RequestContext.ATTRIBUTE);
		return context instanceof RequestContext requestContext
				&& this.correlationIds.contains(requestContext.correlationId());
	}

}
