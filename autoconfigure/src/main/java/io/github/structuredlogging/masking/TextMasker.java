package io.github.structuredlogging.masking;

import java.util.List;

/**
 * The masking of the JSON encoder for text outside the JSON generator: the plain console layout, formats that write
 * text rather than JSON (logfmt, CSV), events handed to a formatter the starter does not write itself, and any value
 * about to be cut to a length limit (see {@link io.github.structuredlogging.limits.Truncation}). A value is replaced
 * when its field name is sensitive, and secrets the value patterns recognise are masked inside any text.
 */
public final class TextMasker {

	private static final TextMasker NONE = new TextMasker(null, null, null);

	private final CaseInsensitiveFieldMasker fields;

	private final ValueMaskerChain values;

	private final String replacement;

	private TextMasker(CaseInsensitiveFieldMasker fields, ValueMaskerChain values, String replacement) {
		this.fields = fields;
		this.values = values;
		this.replacement = replacement;
	}

	/**
	 * Creates the masker the settings describe, one that changes nothing when masking is disabled.
	 * @param properties the masking settings
	 * @return the masker
	 * @throws io.github.structuredlogging.validation.InvalidConfigurationPropertyException if a pattern of the
	 * user's own has no regex
	 */
	public static TextMasker of(MaskingProperties properties) {
		if (!properties.isEnabled()) {
			return NONE;
		}
		List<ValueMaskerChain.Link> links = Maskers.valueMaskers(properties);
		return new TextMasker(new CaseInsensitiveFieldMasker(properties.getFields()),
				new ValueMaskerChain(links), properties.getReplacement());
	}

	/**
	 * Masks the value of a named field.
	 * @param name the field name
	 * @param value the value as text
	 * @return the replacement if the name is sensitive, otherwise the value with recognised secrets masked
	 */
	public String maskField(String name, String value) {
		if (this.fields == null || value == null) {
			return value;
		}
		return (name != null && this.fields.isMasked(name)) ? this.replacement : this.values.maskText(value);
	}

	/**
	 * Whether every value of a field with this name is replaced, whatever it holds.
	 * @param name the field name
	 * @return whether the name is sensitive and masking is on
	 */
	public boolean masksField(String name) {
		return this.fields != null && name != null && this.fields.isMasked(name);
	}

	/**
	 * Masks the secrets the value patterns recognise in free text, such as a message or a stack trace.
	 * @param text the text
	 * @return the masked text, or the text itself when nothing was masked
	 */
	public String maskText(String text) {
		return (this.values == null || text == null) ? text : this.values.maskText(text);
	}

}
