package io.github.structuredlogging.masking;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/**
 * Masks payment card numbers inside text and whole-number values: 13 to 19 digits starting with a major industry
 * digit of a card scheme (2 to 6) and passing the Luhn check, written in one piece or in groups joined by the same
 * separator throughout (see {@link CardSeparators}).
 * <p>
 * A card is often followed or preceded by other digits ({@code ref 4111111111111111 123}, a card then
 * {@code -12/27}), so every window of whole digit groups is tried, not only the longest run. Windows never split a
 * group: a person reads {@code 41111111111111110} as one number, and trying every sub-string of long ids would mask
 * one in twenty of them. The checks keep order ids, epoch timestamps and other long numbers readable: a random digit
 * string passes them one time in twenty, and epoch timestamps never start with 2 to 6 before the year 2033. Groups
 * glued to a letter (hex ids) and the digit groups of a UUID are never read as card numbers.
 */
public final class CardNumberValueMasker implements ValueMasker {

	private static final Pattern UUID = Pattern
		.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

	static final int MIN_DIGITS = 13;

	private static final int MAX_DIGITS = 19;

	/** Digits of each group in a card written in groups: 4-4-4-4, 4-6-5, 4-4-4-4-3 and the like. */
	private static final int MIN_GROUP = 3;

	private static final int MAX_GROUP = 8;

	/** Digits kept of a first group that runs into other digits: the usual group of four. */
	private static final int TRIMMED_GROUP = 4;

	private final String replacement;

	private final boolean keepLastFour;

	public CardNumberValueMasker(String replacement, boolean keepLastFour) {
		this.replacement = replacement;
		this.keepLastFour = keepLastFour;
	}

	@Override
	public Object mask(TokenStreamContext context, Object value) {
		if (value instanceof String text) {
			return maskText(text);
		}
		if (value instanceof Long || value instanceof BigInteger) {
			String digits = value.toString();
			return (digits.length() >= MIN_DIGITS && maskText(digits) != null)
					? mask(digits.substring(digits.length() - 4)) : null;
		}
		return null;
	}

	private String maskText(String text) {
		DigitGroups groups = DigitGroups.of(text);
		StringBuilder masked = null;
		int copied = 0;
		int[] uuids = null;
		int i = 0;
		while (i < groups.count()) {
			int start = groups.start(i);
			int last = longestCardFrom(text, groups, i, start);
			if (last < 0 && groups.length(i) > TRIMMED_GROUP) {
				start = groups.end(i) - TRIMMED_GROUP;
				last = longestCardFrom(text, groups, i, start);
			}
			if (last >= 0) {
				int end = groups.end(last);
				if (uuids == null) {
					uuids = uuidSpans(text);
				}
				if (!overlaps(uuids, start, end)) {
					if (masked == null) {
						masked = new StringBuilder(text.length());
					}
					masked.append(text, copied, start).append(mask(lastFourDigits(text, groups, last)));
					copied = end;
					i = last + 1;
					continue;
				}
			}
			i++;
		}
		return (masked != null) ? masked.append(text, copied, text.length()).toString() : null;
	}

	/**
	 * The last group of the longest card number that starts at {@code start} in group {@code first}, or
	 * {@code -1}. A number in one group must stand alone; one in several groups may touch a word at either end,
	 * and may start inside its first group, as when a framework strips the spaces around it
	 * ({@code For input string: "ref126011 8270 8045 7245cvv"}).
	 */
	private static int longestCardFrom(String text, DigitGroups groups, int first, int start) {
		if (text.charAt(start) < '2' || text.charAt(start) > '6') {
			return -1;
		}
		boolean trimmed = start > groups.start(first);
		int found = -1;
		int digits = groups.end(first) - start;
		for (int last = first; last < groups.count(); last++) {
			if (last > first) {
				int length = groups.length(last);
				boolean joined = CardSeparators.isJoint(text, groups.end(last - 1), groups.start(last))
						&& (last == first + 1 || sameJoint(text, groups, first, last));
				if (!joined || length < MIN_GROUP || length > MAX_GROUP || groups.end(first) - start > MAX_GROUP) {
					break;
				}
				digits += length;
			}
			if (digits > MAX_DIGITS) {
				break;
			}
			boolean alone = !trimmed && !groups.gluedBefore(first) && !groups.gluedAfter(last);
			if (digits >= MIN_DIGITS && (last > first || alone) && passesLuhn(text, groups, first, start, last)) {
				found = last;
			}
		}
		return found;
	}

	/**
	 * Whether the separator before group {@code last} is the one after group {@code first}: people group a card with
	 * one separator, while two IP addresses or a date beside a number mix them.
	 */
	private static boolean sameJoint(String text, DigitGroups groups, int first, int last) {
		int firstJoint = groups.end(first);
		int firstLength = groups.start(first + 1) - firstJoint;
		int joint = groups.end(last - 1);
		return groups.start(last) - joint == firstLength && text.regionMatches(firstJoint, text, joint, firstLength);
	}

	private String mask(String lastFour) {
		return this.keepLastFour ? this.replacement + lastFour : this.replacement;
	}

	private static String lastFourDigits(String text, DigitGroups groups, int last) {
		StringBuilder digits = new StringBuilder(4);
		for (int group = last; group >= 0 && digits.length() < 4; group--) {
			for (int i = groups.end(group) - 1; i >= groups.start(group) && digits.length() < 4; i--) {
				digits.insert(0, text.charAt(i));
			}
		}
		return digits.toString();
	}

	private static int[] uuidSpans(String text) {
		Matcher matcher = UUID.matcher(text);
		int[] spans = new int[0];
		while (matcher.find()) {
			spans = Arrays.copyOf(spans, spans.length + 2);
			spans[spans.length - 2] = matcher.start();
			spans[spans.length - 1] = matcher.end();
		}
		return spans;
	}

	private static boolean overlaps(int[] spans, int start, int end) {
		for (int i = 0; i < spans.length; i += 2) {
			if (start < spans[i + 1] && spans[i] < end) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The Luhn check over the digits from {@code start} in group {@code first} to the end of group {@code last}.
	 */
	private static boolean passesLuhn(String text, DigitGroups groups, int first, int start, int last) {
		int sum = 0;
		boolean doubled = false;
		for (int group = last; group >= first; group--) {
			int from = (group == first) ? start : groups.start(group);
			for (int i = groups.end(group) - 1; i >= from; i--) {
				int digit = text.charAt(i) - '0';
				if (doubled) {
					digit = (digit > 4) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
				doubled = !doubled;
			}
		}
		return sum % 10 == 0;
	}

}
