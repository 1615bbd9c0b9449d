package io.github.structuredlogging.limits;

import net.logstash.logback.decorate.json.CharacterEscapesDecorator;
import net.logstash.logback.decorate.json.CharacterEscapesDecorator.Escape;

/**
 * The characters JSON allows raw in a string but that line readers, shippers and terminals treat as line breaks or
 * controls: DEL, the C1 controls (NEL, U+0085, among them) and the Unicode line and paragraph separators (U+2028,
 * U+2029). Written as {@code \}{@code uXXXX}, a log line stays one line for every reader.
 */
public final class LineSafeEscapes {

	private LineSafeEscapes() {
	}

	/**
	 * Whether a character is written escaped.
	 * @param c the character
	 * @return whether it is DEL, a C1 control, U+2028 or U+2029
	 */
	public static boolean isEscaped(char c) {
		return (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029';
	}

	/**
	 * Creates the factory decorator of the JSON encoder that writes these characters escaped, beside JSON's own
	 * escapes.
	 * @return the decorator
	 */
	public static CharacterEscapesDecorator jsonDecorator() {
		CharacterEscapesDecorator decorator = new CharacterEscapesDecorator();
		for (char c = '\u007F'; c <= '\u009F'; c++) {
			decorator.addEscape(new Escape(c, escaped(c)));
		}
		decorator.addEscape(new Escape('\u2028', escaped('\u2028')));
		decorator.addEscape(new Escape('\u2029', escaped('\u2029')));
		return decorator;
	}

	/**
	 * Makes text safe for one line of a text format: each run of line feeds and carriage returns becomes one space,
	 * as a reader expects of a multi-line message, and these characters and every other control character but tab
	 * are written as {@code \}{@code uXXXX}.
	 * @param text the text
	 * @return the text itself when it holds none of them, else a safe copy
	 */
	public static String escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < ' ' && c != '\t') || isEscaped(c)) {
				return escapeFrom(text, i);
			}
		}
		return text;
	}

	private static String escapeFrom(String text, int first) {
		StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				if (i == first || (text.charAt(i - 1) != '\r' && text.charAt(i - 1) != '\n')) {
					escaped.append(' ');
				}
			}
			else if ((c < ' ' && c != '\t') || isEscaped(c)) {
				escaped.append(escaped(c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static String escaped(char c) {
		return String.format("\\u%04X", (int) c);
	}

}
