package io.github.structuredlogging.propagation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The hosts an outgoing call may carry the request context to. A pattern is an exact host name or
 * {@code *.domain}, which matches any host below that domain but not the domain itself.
 */
public final class AllowedHosts {

	private final List<String> exact;

	private final List<String> suffixes;

	public AllowedHosts(List<String> patterns) {
		this.exact = patterns.stream().filter((p) -> !p.startsWith("*.")).map(AllowedHosts::normalize).toList();
		this.suffixes = patterns.stream()
			.filter((p) -> p.startsWith("*."))
			.map((p) -> normalize(p.substring(1)))
			.toList();
	}

	/**
	 * Tells whether a call to the given address may carry the context.
	 * @param uri the address of the call
	 * @return whether its host is allowed
	 */
	public boolean allows(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			return false;
		}
		String normalized = normalize(host);
		if (this.exact.contains(normalized)) {
			return true;
		}
		for (String suffix : this.suffixes) {
			if (normalized.endsWith(suffix) && normalized.length() > suffix.length()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Lower case and without the trailing dot of a fully qualified name, so that "API.internal." cannot slip past
	 * a pattern written "*.internal" (nor match one it should not).
	 */
	private static String normalize(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
