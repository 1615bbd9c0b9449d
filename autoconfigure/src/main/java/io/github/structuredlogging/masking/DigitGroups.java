package io.github.structuredlogging.masking;

import java.util.Arrays;

/**
 * The maximal runs of digits in a text, in order, each with whether a letter or underscore touches it: digits glued
 * to a word (hex ids, names) are part of that word. Digits inside an escaped character ({@code %20},
 * {@code %28}, {@code \}{@code u2028}) are not a group.
 */
final class DigitGroups {

	private int[] bounds = new int[16];

	private boolean[] glued = new boolean[16];

	private int count;

	private DigitGroups() {
	}

	static DigitGroups of(String text) {
		DigitGroups groups = new DigitGroups();
		boolean afterWord = false;
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				int start = i;
				while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
					i++;
				}
				groups.add(start, i, afterWord, i < length && isWordCharacter(text.charAt(i)));
				afterWord = false;
				continue;
			}
			int separator = CardSeparators.tokenLength(text, i);
			if (separator == 0) {
				separator = CardSeparators.escapeLength(text, i);
			}
			if (separator > 0) {
				i += separator;
				afterWord = false;
				continue;
			}
			afterWord = isWordCharacter(c);
			i++;
		}
		return groups;
	}

	private static boolean isWordCharacter(char c) {
		return c == '_' || Character.isLetter(c);
	}

	private void add(int start, int end, boolean gluedBefore, boolean gluedAfter) {
		if (this.count * 2 == this.bounds.length) {
			this.bounds = Arrays.copyOf(this.bounds, this.bounds.length * 2);
			this.glued = Arrays.copyOf(this.glued, this.glued.length * 2);
		}
		this.bounds[this.count * 2] = start;
		this.bounds[this.count * 2 + 1] = end;
		this.glued[this.count * 2] = gluedBefore;
		this.glued[this.count * 2 + 1] = gluedAfter;
		this.count++;
	}

	int count() {
		return this.count;
	}

	int start(int group) {
		return this.bounds[group * 2];
	}

	int end(int group) {
		return this.bounds[group * 2 + 1];
	}

	int length(int group) {
		return end(group) - start(group);
	}

	boolean gluedBefore(int group) {
		return this.glued[group * 2];
	}

	boolean gluedAfter(int group) {
		return this.glued[group * 2 + 1];
	}

}
