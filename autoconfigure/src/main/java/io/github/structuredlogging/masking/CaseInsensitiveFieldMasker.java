package io.github.structuredlogging.masking;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import net.logstash.logback.mask.FieldMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Masks fields by name at any depth, ignoring case, dashes and underscores. Logstash's own
 * {@code FieldNameBasedFieldMasker} matches names exactly, so {@code Authorization} from a header, {@code apiKey}
 * from a record and {@code api_key} from a map would each need listing.
 */
public final class CaseInsensitiveFieldMasker implements FieldMasker {

	private final Set<String> names;

	private final String replacement;

	public CaseInsensitiveFieldMasker(Collection<String> names, String replacement) {
		this.names = new HashSet<>();
		names.forEach((name) -> this.names.add(normalize(name)));
		this.replacement = replacement;
	}

	@Override
	public Object mask(TokenStreamContext context) {
		return (context.hasCurrentName() && this.names.contains(normalize(context.currentName()))) ? this.replacement
				: null;
	}

	/**
	 * Most names are already plain lower case, so they are returned as they are without allocating.
	 */
	static String normalize(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '-' || c == '_' || Character.isUpperCase(c)) {
				return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
			}
		}
		return name;
	}

}
