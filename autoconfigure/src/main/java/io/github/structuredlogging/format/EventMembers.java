package io.github.structuredlogging.format;

import io.github.structuredlogging.masking.TextMasker;
import tools.jackson.core.JsonGenerator;

/**
 * The generators one event of a Boot format is written to (see {@link BootJsonMembers}). What the format fills from
 * trusted sources (timestamp, level, logger, thread, the service's and the format's constants) goes to
 * {@link #trusted()}, which skips the masking; everything else is masked. Text members outside any masked object
 * are masked here, as the masking generator would mask them (the replacement for a masked field name, else the
 * value patterns), and each distinct text only once per event: the trace id is also the correlation id, and both
 * are in the MDC.
 */
final class EventMembers {

	/** Texts kept per event with their masked form, as pairs; MDC entries beyond repeat rarely. */
	private static final int KEPT_TEXTS = 4;

	private final BootJsonMembers members;

	private final JsonGenerator trusted;

	private final JsonGenerator masked;

	private String[] maskedTexts;

	private int keptCount;

	EventMembers(BootJsonMembers members, JsonGenerator trusted, JsonGenerator masked) {
		this.members = members;
		this.trusted = trusted;
		this.masked = masked;
	}

	/**
	 * The generator of the members the format fills from trusted sources; the masking one when masking by field
	 * name takes a name the format writes itself.
	 * @return the generator
	 */
	JsonGenerator trusted() {
		return this.trusted;
	}

	/**
	 * The masking generator.
	 * @return the generator
	 */
	JsonGenerator masked() {
		return this.masked;
	}

	/**
	 * Writes a member filled from a trusted source.
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the value
	 */
	void writeTrusted(MemberName name, String value) {
		this.members.write(this.trusted, name, value);
	}

	/**
	 * Writes a member through the masking generator.
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the value
	 */
	void writeMasked(MemberName name, String value) {
		this.members.write(this.masked, name, value);
	}

	/**
	 * Writes a member named at run time into an object the format opened on {@link #trusted()}.
	 * @param name the member's name
	 * @param value the value
	 */
	void writePairInTrusted(String name, Object value) {
		if (this.trusted == this.masked) {
			this.members.writePair(this.masked, "", name, value);
		}
		else {
			this.members.writePair(this, "", name, value);
		}
	}

	/**
	 * Writes a text member named at run time, masked, into an object that is not masked as a whole.
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the text, {@code null} for JSON's {@code null}
	 */
	void writeText(String name, String value) {
		if (name != null && !writtenMasked(name, value)) {
			this.trusted.writeName(name);
			writeMaskedText(value);
		}
	}

	/**
	 * Writes a text member of the format, masked, into an object that is not masked as a whole.
	 * @param name the resolved name, {@code null} to write nothing
	 * @param value the text, {@code null} for JSON's {@code null}
	 */
	void writeText(MemberName name, String value) {
		if (name != null && !writtenMasked(name.text(), value)) {
			name.writeTo(this.trusted);
			writeMaskedText(value);
		}
	}

	/**
	 * Leaves to the masking generator a member whose name is masked, or whose value is {@code null}.
	 */
	private boolean writtenMasked(String name, String value) {
		if (value == null || this.members.masker().masksField(name)) {
			this.members.write(this.masked, name, value);
			return true;
		}
		return false;
	}

	private void writeMaskedText(String value) {
		if (this.trusted == this.masked) {
			this.masked.writeString(value);
		}
		else {
			this.trusted.writeString(maskedText(this.members.masker(), value));
		}
	}

	private String maskedText(TextMasker masker, String value) {
		String[] kept = this.maskedTexts;
		for (int i = 0; i < this.keptCount; i += 2) {
			if (value.equals(kept[i])) {
				return kept[i + 1];
			}
		}
		String masked = masker.maskText(value);
		if (kept == null) {
			kept = new String[2 * KEPT_TEXTS];
			this.maskedTexts = kept;
		}
		if (this.keptCount < kept.length) {
			kept[this.keptCount++] = value;
			kept[this.keptCount++] = masked;
		}
		return masked;
	}

}
