package io.github.structuredlogging.exchange;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The route of an outgoing call: the URI template the call was made with, as the clients record it, else the path
 * with every segment that looks like an id (digits, a UUID, a long hex string) replaced by {@code {id}}, so a call
 * made from a ready URI does not put one value per entity into the route.
 */
final class OutboundRoutes {

	private static final String TEMPLATE_ATTRIBUTE_SUFFIX = ".uriTemplate";

	private static final Pattern ID_SEGMENT = Pattern
		.compile("\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}");

	private OutboundRoutes() {
	}

	/**
	 * The route of a call.
	 * @param uri the address called
	 * @param attributes the request attributes, where RestClient, RestTemplate and WebClient keep the template
	 * @return the route: a template's path, or the normalised path
	 */
	static String of(URI uri, Map<String, Object> attributes) {
		for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
			if (attribute.getKey().endsWith(TEMPLATE_ATTRIBUTE_SUFFIX) && attribute.getValue() instanceof String template) {
				return pathOf(template);
			}
		}
		return normalize(uri.getRawPath());
	}

	static String peer(URI uri) {
		return (uri.getPort() >= 0) ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
	}

	/**
	 * The path of a template, which may be a whole URL ("http://host:{port}/orders/{id}?q={q}").
	 */
	private static String pathOf(String template) {
		int scheme = template.indexOf("://");
		String path = template;
		if (scheme >= 0) {
			int slash = template.indexOf('/', scheme + 3);
			path = (slash >= 0) ? template.substring(slash) : "/";
		}
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

	private static String normalize(String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		String[] segments = path.split("/", -1);
		StringBuilder route = new StringBuilder(path.length());
		for (int i = 0; i < segments.length; i++) {
			if (i > 0) {
				route.append('/');
			}
			route.append(ID_SEGMENT.matcher(segments[i]).matches() ? "{id}" : segments[i]);
		}
		return route.toString();
	}

}
