package io.github.structuredlogging.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Masks every occurrence of a pattern inside a text value, not only values that match as a whole (as logstash's
 * {@code RegexValueMasker} with {@code matches()} semantics would need). When the pattern has a named group
 * {@value #SECRET_GROUP}, only that group is replaced, so {@code password=hunter2} becomes {@code password=****}.
 * The replacement is written literally: a {@code $} in it is not a group reference.
 */
public final class PatternValueMasker implements ValueMasker {

	/** Name of the group that, when present, is the only part of a match replaced. */
	public static final String SECRET_GROUP = "secret";

	private final Pattern pattern;

	private final String replacement;

	private final boolean secretGroup;

	/**
	 * Creates a masker.
	 * @param pattern the pattern to find
	 * @param replacement the text written instead
	 */
	public PatternValueMasker(Pattern pattern, String replacement) {
		this.pattern = pattern;
		this.replacement = replacement;
		this.secretGroup = pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		if (!(value instanceof String text)) {
			return null;
		}
		Matcher matcher = this.pattern.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		boolean replaced = false;
		do {
			int start = this.secretGroup ? matcher.start(SECRET_GROUP) : matcher.start();
			int end = this.secretGroup ? matcher.end(SECRET_GROUP) : matcher.end();
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

}
