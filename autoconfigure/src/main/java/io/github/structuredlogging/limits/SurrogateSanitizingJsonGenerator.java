package io.github.structuredlogging.limits;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Replaces unpaired UTF-16 surrogates in names and text with U+FFFD before they reach the generator. A Java string
 * may hold half a surrogate pair (a string cut in the wrong place, bytes decoded badly, a hostile header), which
 * has no UTF-8 encoding: the UTF-8 generator would fail mid-event and lose it.
 */
public final class SurrogateSanitizingJsonGenerator extends JsonGeneratorDelegate {

	private static final char REPLACEMENT = '\uFFFD';

	/**
	 * Wraps a generator.
	 * @param delegate the generator that writes
	 */
	public SurrogateSanitizingJsonGenerator(JsonGenerator delegate) {
		super(delegate, false);
	}

	@Override
	public JsonGenerator writeName(String name) {
		return super.writeName(sanitize(name));
	}

	@Override
	public JsonGenerator writeString(String text) {
		return super.writeString(sanitize(text));
	}

	@Override
	public JsonGenerator writeString(char[] text, int offset, int len) {
		for (int i = offset; i < offset + len; i++) {
			if (Character.isSurrogate(text[i])) {
				return super.writeString(sanitize(new String(text, offset, len)));
			}
		}
		return super.writeString(text, offset, len);
	}

	/**
	 * Scans without allocating; only a string that holds an unpaired surrogate is copied.
	 */
	public static String sanitize(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return replaceUnpaired(text);
				}
			}
		}
		return text;
	}

	private static String replaceUnpaired(String text) {
		StringBuilder sanitized = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				sanitized.append(c).append(text.charAt(++i));
			}
			else {
				sanitized.append(Character.isSurrogate(c) ? REPLACEMENT : c);
			}
		}
		return sanitized.toString();
	}

}
