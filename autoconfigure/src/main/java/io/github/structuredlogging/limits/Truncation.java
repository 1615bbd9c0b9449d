package io.github.structuredlogging.limits;

/**
 * Cuts text to a length and says so, so a reader never mistakes a cut value for the whole one.
 */
public final class Truncation {

	private Truncation() {
	}

	/**
	 * Cuts text longer than the limit.
	 * @param text the text, may be {@code null}
	 * @param maxLength the most characters kept
	 * @return the text itself when it fits, else its start followed by a marker with the original length
	 */
	public static String truncate(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		int end = maxLength;
		// Cutting between the two halves of a surrogate pair would leave half a character.
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "...[truncated, " + text.length() + " chars]";
	}

}
