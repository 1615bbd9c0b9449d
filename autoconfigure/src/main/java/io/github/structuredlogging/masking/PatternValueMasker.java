package io.github.structuredlogging.masking;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Masks every occurrence of a pattern inside a text value, not only values that match as a whole (as logstash's
 * {@code RegexValueMasker} with {@code matches()} semantics would need). When the pattern has a named group
 * {@value #SECRET_GROUP} (or several, named {@code secret1}, {@code secret2}... for alternatives), only the group
 * that matched is replaced, so {@code password=hunter2} becomes {@code password=****}. The replacement is written
 * literally: a {@code $} in it is not a group reference.
 */
public final class PatternValueMasker implements ValueMasker {

	/** Name of the group that, when present, is the only part of a match replaced. */
	public static final String SECRET_GROUP = "secret";

	private final Pattern pattern;

	private final String replacement;

	private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<(" + SECRET_GROUP + "[0-9]*)>");

	/** The names of the secret groups, empty when the whole match is replaced. */
	private final String[] secretGroups;

	/**
	 * A matcher per thread, reset for each value: a new one costs a few hundred bytes, and values that merely may
	 * hold a secret (every long id) run several patterns per event.
	 */
	private final ThreadLocal<Matcher> matchers;

	private final Predicate<String> mayMatch;

	/**
	 * Creates a masker.
	 * @param pattern the pattern to find
	 * @param replacement the text written instead
	 */
	public PatternValueMasker(Pattern pattern, String replacement) {
		this(pattern, replacement, (text) -> true);
	}

	/**
	 * Creates a masker that tries its pattern only on texts a cheap check lets through.
	 * @param pattern the pattern to find
	 * @param replacement the text written instead
	 * @param mayMatch {@code false} only for a text the pattern cannot match
	 */
	PatternValueMasker(Pattern pattern, String replacement, Predicate<String> mayMatch) {
		this.mayMatch = mayMatch;
		this.pattern = pattern;
		this.replacement = replacement;
		this.secretGroups = GROUP_NAME.matcher(pattern.pattern()).results().map((group) -> group.group(1))
			.toArray(String[]::new);
		this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		if (!(value instanceof String text) || !this.mayMatch.test(text)) {
			return null;
		}
		Matcher matcher = this.matchers.get().reset(text);
		try {
			return matcher.find() ? masked(matcher, text) : null;
		}
		finally {
			// The thread keeps its matcher, but not the value it last read, which may be a secret.
			matcher.reset("");
		}
	}

	private String masked(Matcher matcher, String text) {
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		boolean replaced = false;
		do {
			String group = secretGroup(matcher);
			int start = (group != null) ? matcher.start(group) : matcher.start();
			int end = (group != null) ? matcher.end(group) : matcher.end();
			if (start >= 0) {
				masked.append(text, copied, start).append(this.replacement);
				copied = end;
				replaced = true;
			}
		}
		while (matcher.find());
		if (!replaced) {
			return null;
		}
		return masked.append(text, copied, text.length()).toString();
	}

	/**
	 * The secret group that took part in the match, or {@code null} when the pattern has none; when it has some but
	 * none matched (an empty alternative), the first one, which then marks nothing.
	 */
	private String secretGroup(Matcher matcher) {
		for (String group : this.secretGroups) {
			if (matcher.start(group) >= 0) {
				return group;
			}
		}
		return (this.secretGroups.length > 0) ? this.secretGroups[0] : null;
	}

}
