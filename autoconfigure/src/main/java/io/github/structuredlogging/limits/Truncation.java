package io.github.structuredlogging.limits;

import java.util.function.UnaryOperator;

/**
 * Cuts text to a length and says so, so a reader never mistakes a cut value for the whole one. Text is masked
 * before it is cut: a pattern can only recognise a secret whole (a card number cut after 14 digits no longer
 * passes the Luhn check, {@code password="...} has lost its closing quote), and what the cut leaves of a secret
 * would otherwise be written raw.
 */
public final class Truncation {

	private final UnaryOperator<String> masking;

	/**
	 * Creates a truncation.
	 * @param masking masks the secrets in a whole text, before it is cut
	 */
	public Truncation(UnaryOperator<String> masking) {
		this.masking = masking;
	}

	/**
	 * Cuts text longer than the limit, once its secrets are masked.
	 * @param text the text, may be {@code null}
	 * @param maxLength the most characters kept
	 * @return the text itself when it fits, else its masked start followed by a marker with the original length
	 */
	public String truncate(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		String masked = this.masking.apply(text);
		if (masked.length() <= maxLength) {
			return masked;
		}
		int end = maxLength;
		// Cutting between the two halves of a surrogate pair would leave half a character.
		if (end > 0 && Character.isHighSurrogate(masked.charAt(end - 1))) {
			end--;
		}
		return masked.substring(0, end) + "...[truncated, " + text.length() + " chars]";
	}

}
