package io.github.structuredlogging.masking;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks fields by name at any depth, ignoring case, dashes and underscores, and also when a name ends with a masked
 * one ({@code db_password}, {@code newPassword}, {@code client_secret} for {@code password} and {@code secret}).
 * Logstash's own {@code FieldNameBasedFieldMasker} matches names exactly, so {@code Authorization} from a header,
 * {@code apiKey} from a record and {@code api_key} from a map would each need listing.
 */
public final class CaseInsensitiveFieldMasker {

	/** Enough for the field names of any application; names beyond are checked without caching. */
	private static final int MAX_CACHED_DECISIONS = 4096;

	private final Set<String> names;

	/**
	 * Field names repeat in every event (MDC keys, key/value names); caching the decision per name saves normalizing
	 * each of them again.
	 */
	private final Map<String, Boolean> decisions = new ConcurrentHashMap<>();

	public CaseInsensitiveFieldMasker(Collection<String> names) {
		this.names = new HashSet<>();
		names.forEach((name) -> this.names.add(normalize(name)));
	}

	/**
	 * Whether a field of that name is masked.
	 * @param name the field name
	 * @return whether its value is replaced
	 */
	boolean isMasked(String name) {
		Boolean masked = this.decisions.get(name);
		if (masked == null) {
			masked = isMaskedName(normalize(name));
			if (this.decisions.size() < MAX_CACHED_DECISIONS) {
				this.decisions.put(name, masked);
			}
		}
		return masked;
	}

	private boolean isMaskedName(String normalized) {
		if (this.names.contains(normalized)) {
			return true;
		}
		for (String masked : this.names) {
			if (normalized.endsWith(masked)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Most names are already plain lower case, so they are returned as they are without allocating.
	 */
	public static String normalize(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '-' || c == '_' || Character.isUpperCase(c)) {
				return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
			}
		}
		return name;
	}

}
