package io.github.structuredlogging.level;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.github.structuredlogging.correlation.RequestContext;

/**
 * Decides whether a request asked for DEBUG lines: it carries the debug header (with the token, when one is set), or
 * its correlation id is one of those chosen. The same for servlet and WebFlux requests.
 */
final class RequestDebugSelector {

	private final String headerName;

	private final byte[] token;

	private final Set<String> correlationIds;

	RequestDebugSelector(LevelProperties.RequestDebug properties) {
		this.headerName = properties.getHeaderName();
		this.token = properties.getToken().getBytes(StandardCharsets.UTF_8);
		this.correlationIds = Set.copyOf(properties.getCorrelationIds());
	}

	String headerName() {
		return this.headerName;
	}

	/**
	 * @param header the value of the debug header, or {@code null}
	 * @param context the request context the correlation filter resolved, or {@code null}
	 */
	boolean isChosen(String header, Object context) {
		if (header != null && !header.isEmpty()) {
			// Compared in constant time: the token is a credential that switches on costly logging.
			if (this.token.length == 0 || MessageDigest.isEqual(this.token, header.getBytes(StandardCharsets.UTF_8))) {
				return true;
			}
		}
		return context instanceof RequestContext requestContext
				&& this.correlationIds.contains(requestContext.correlationId());
	}

}
