package io.github.structuredlogging.exchange;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.structuredlogging.masking.CaseInsensitiveFieldMasker;

/**
 * Renders headers for an exchange line, with the values of credential headers replaced. The masking of the JSON
 * output would mask most of them by field name too; this does not rely on it, so a credential stays out of the line
 * even when masking is switched off or its field list is replaced.
 */
public class ExchangeHeaders {

	private static final List<String> ALWAYS_MASKED = List.of("authorization", "proxy-authorization", "cookie",
			"set-cookie", "x-api-key", "x-auth-token");

	private final Set<String> masked;

	private final String replacement;

	/**
	 * Creates the renderer.
	 * @param maskedNames further header names whose value is masked, matched ignoring case, dashes and underscores
	 * @param replacement what a masked value is replaced by
	 */
	public ExchangeHeaders(Collection<String> maskedNames, String replacement) {
		this.masked = new HashSet<>();
		ALWAYS_MASKED.forEach((name) -> this.masked.add(CaseInsensitiveFieldMasker.normalize(name)));
		maskedNames.forEach((name) -> this.masked.add(CaseInsensitiveFieldMasker.normalize(name)));
		this.replacement = replacement;
	}

	/**
	 * Renders headers, names in lower case, several values of one header joined by a comma.
	 * @param names the header names
	 * @param values the values of one header
	 * @return the headers for the line
	 */
	public Map<String, String> render(Iterable<String> names, Function<String, ? extends Collection<String>> values) {
		Map<String, String> rendered = new LinkedHashMap<>();
		for (String name : names) {
			String key = name.toLowerCase(Locale.ROOT);
			if (rendered.containsKey(key)) {
				continue;
			}
			boolean masked = this.masked.contains(CaseInsensitiveFieldMasker.normalize(name));
			rendered.put(key, masked ? this.replacement : String.join(",", values.apply(name)));
		}
		return rendered;
	}

}
