package io.github.structuredlogging.masking;

/**
 * What one generator does with the value after each field name, remembered per name: every event of an
 * application repeats the same few dozen names (the encoder's own, MDC keys, key/value names), so a name costs a
 * slot lookup and a reference comparison instead of a hash lookup among the sensitive names and another among the
 * trusted ones. A generator is used by one thread at a time, so the slots need no synchronisation; a name whose
 * slot holds another name is decided again and takes the slot.
 */
final class FieldNameDecisions {

	/** The value is written as it is: a top-level field the encoder fills from trusted sources. */
	static final byte TRUSTED = 1;

	/** The value is replaced whole: the name is sensitive. */
	static final byte MASKED = 2;

	/** The value runs the value patterns. */
	static final byte PLAIN = 3;

	private static final int SLOTS = 64;

	/** Longer names are decided every time, so that the slots never hold on to large strings. */
	private static final int MAX_REMEMBERED_LENGTH = 128;

	private final MaskingDecorator rules;

	private final String[] names = new String[SLOTS];

	private final byte[] decisions = new byte[SLOTS];

	FieldNameDecisions(MaskingDecorator rules) {
		this.rules = rules;
	}

	/**
	 * What to do with the value after a name; {@link #TRUSTED} only says the name is a trusted one, whether the
	 * field is at the top level is for the caller to check.
	 * @param name the field name
	 * @return {@link #TRUSTED}, {@link #MASKED} or {@link #PLAIN}
	 */
	byte decide(String name) {
		int slot = name.hashCode() & (SLOTS - 1);
		if (this.names[slot] == name) {
			return this.decisions[slot];
		}
		byte decision = this.rules.isMaskedField(name) ? MASKED : this.rules.isTrustedField(name) ? TRUSTED : PLAIN;
		if (name.length() <= MAX_REMEMBERED_LENGTH) {
			this.names[slot] = name;
			this.decisions[slot] = decision;
		}
		return decision;
	}

}
