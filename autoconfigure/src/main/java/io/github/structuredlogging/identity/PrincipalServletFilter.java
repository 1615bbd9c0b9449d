package io.github.structuredlogging.identity;

import java.io.IOException;
import java.util.Map;

import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.correlation.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter, placed right after Spring Security's, that puts the authenticated principal's name into the MDC
 * for the rest of the request, and into the request's context so that the exchange line written outside this
 * filter carries it too. Spring Security's request wrapper reports no principal for an anonymous request.
 */
public class PrincipalServletFilter extends OncePerRequestFilter {

	private final PrincipalNames names;

	private final String key;

	public PrincipalServletFilter(PrincipalNames names, String key) {
		this.names = names;
		this.key = key;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String name = this.names.of(request.getUserPrincipal());
		if (name == null) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context) {
			request.setAttribute(RequestContext.ATTRIBUTE, context.withField(this.key, name));
		}
		try (MdcScope scope = MdcScope.open(Map.of(this.key, name))) {
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
