package io.github.structuredlogging.masking;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Masks what the JSON encoder writes, for one event: the value of a field with a sensitive name is replaced whole
 * (objects and arrays included), and the secrets the value patterns recognise are masked inside every other string
 * and every number that could hold a card number. Same rules as logstash-logback-encoder's
 * {@code MaskingJsonGenerator}, which the starter used before, but without its cost on every name and value (a
 * lambda per call, a boxed number, the field maskers asked through the write context): a name is decided once per
 * generator ({@link FieldNameDecisions}), a value runs the patterns only when {@link TextFeatures} finds what one
 * of them needs, and numbers that cannot hold 13 digits pass untouched. It also covers what that generator let
 * through: arrays of strings, numbers written from characters and strings read from a {@link Reader} are masked,
 * raw UTF-8 strings too.
 * <p>
 * Raw output ({@code writeRaw}, {@code writeRawValue}) is pre-encoded JSON the application chose to write as is; it
 * is dropped inside a masked field and otherwise written unchanged, as before. What is never masked but must be
 * dropped inside a masked field is left to {@link SkippingGenerator}.
 */
final class MaskingGenerator extends SkippingGenerator {

	/** The smallest number with 13 digits, the fewest a card number has. */
	private static final long SMALLEST_CARD_LENGTH_NUMBER = 1_000_000_000_000L;

	private final MaskingDecorator rules;

	private final FieldNameDecisions names;

	/** Whether the value about to be written belongs to a top-level field the encoder fills from trusted sources. */
	private boolean trustedValue;

	MaskingGenerator(JsonGenerator delegate, MaskingDecorator rules) {
		super(delegate);
		this.rules = rules;
		this.names = new FieldNameDecisions(rules);
	}

	@Override
	public JsonGenerator writeName(String name) {
		if (!skipsName()) {
			this.delegate.writeName(name);
			afterName(name);
		}
		return this;
	}

	@Override
	public JsonGenerator writeName(SerializableString name) {
		if (!skipsName()) {
			this.delegate.writeName(name);
			afterName(name.getValue());
		}
		return this;
	}

	@Override
	public JsonGenerator writePropertyId(long id) {
		if (!skipsName()) {
			this.delegate.writePropertyId(id);
			afterName(Long.toString(id));
		}
		return this;
	}

	/**
	 * Whether a name falls inside the value of a masked field; a name at the masked field's own level ends it.
	 */
	private boolean skipsName() {
		if (this.maskDepth == 1) {
			this.maskDepth = 0;
		}
		return this.maskDepth > 0;
	}

	private void afterName(String name) {
		byte decision = this.names.decide(name);
		if (decision == FieldNameDecisions.MASKED) {
			this.delegate.writeString(this.rules.replacement());
			this.maskDepth = 1;
			this.trustedValue = false;
		}
		else {
			this.trustedValue = decision == FieldNameDecisions.TRUSTED && isTopLevel();
		}
	}

	private boolean isTopLevel() {
		TokenStreamContext parent = this.delegate.streamWriteContext().getParent();
		return parent != null && parent.inRoot();
	}

	@Override
	public JsonGenerator writeStartObject() {
		if (masking()) {
			this.maskDepth++;
		}
		else {
			this.trustedValue = false;
			this.delegate.writeStartObject();
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartObject(Object forValue) {
		if (masking()) {
			this.maskDepth++;
		}
		else {
			this.trustedValue = false;
			this.delegate.writeStartObject(forValue);
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartObject(Object forValue, int size) {
		if (masking()) {
			this.maskDepth++;
		}
		else {
			this.trustedValue = false;
			this.delegate.writeStartObject(forValue, size);
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartArray() {
		if (!masking()) {
			this.trustedValue = false;
			this.delegate.writeStartArray();
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartArray(Object forValue) {
		if (!masking()) {
			this.trustedValue = false;
			this.delegate.writeStartArray(forValue);
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartArray(Object forValue, int size) {
		if (!masking()) {
			this.trustedValue = false;
			this.delegate.writeStartArray(forValue, size);
		}
		return this;
	}

	@Override
	public JsonGenerator writeEndArray() {
		if (!masking()) {
			this.delegate.writeEndArray();
		}
		return this;
	}

	@Override
	public JsonGenerator writeString(String text) {
		if (!masking()) {
			this.delegate.writeString(maskText(text));
		}
		return this;
	}

	@Override
	public JsonGenerator writeString(char[] text, int offset, int len) {
		if (!masking()) {
			if (this.trustedValue) {
				this.delegate.writeString(text, offset, len);
			}
			else {
				writeMaskedOr(new String(text, offset, len), () -> this.delegate.writeString(text, offset, len));
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeString(SerializableString text) {
		if (!masking()) {
			writeMaskedOr(text.getValue(), () -> this.delegate.writeString(text));
		}
		return this;
	}

	@Override
	public JsonGenerator writeString(Reader reader, int len) {
		String text = read(reader, len);
		if (!masking()) {
			this.delegate.writeString(maskText(text));
		}
		return this;
	}

	@Override
	public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
		if (!masking()) {
			writeMaskedOr(new String(text, offset, length, StandardCharsets.UTF_8),
					() -> this.delegate.writeUTF8String(text, offset, length));
		}
		return this;
	}

	/**
	 * The bytes are already escaped: a masked value is written escaped once more, which keeps the JSON valid and the
	 * secret out at the price of doubled backslashes in that one value.
	 */
	@Override
	public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
		if (!masking()) {
			writeMaskedOr(new String(text, offset, length, StandardCharsets.UTF_8),
					() -> this.delegate.writeRawUTF8String(text, offset, length));
		}
		return this;
	}

	@Override
	public JsonGenerator writeArray(String[] array, int offset, int length) {
		_verifyOffsets(array.length, offset, length);
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeString(array[i]);
		}
		return writeEndArray();
	}

	@Override
	public JsonGenerator writeArray(long[] array, int offset, int length) {
		_verifyOffsets(array.length, offset, length);
		writeStartArray(array, length);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		return writeEndArray();
	}

	@Override
	public JsonGenerator writeArray(int[] array, int offset, int length) {
		if (!masking()) {
			this.trustedValue = false;
			this.delegate.writeArray(array, offset, length);
		}
		return this;
	}

	@Override
	public JsonGenerator writeArray(double[] array, int offset, int length) {
		if (!masking()) {
			this.trustedValue = false;
			this.delegate.writeArray(array, offset, length);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(long v) {
		if (!masking()) {
			if (mayBeCardNumber(v)) {
				writeMaskedOr(v, () -> this.delegate.writeNumber(v));
			}
			else {
				this.delegate.writeNumber(v);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(BigInteger v) {
		if (!masking()) {
			if (v != null && v.bitLength() >= 40) {
				writeMaskedOr(v, () -> this.delegate.writeNumber(v));
			}
			else {
				this.delegate.writeNumber(v);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(String encodedValue) {
		if (!masking()) {
			writeMaskedOr(encodedValue, () -> this.delegate.writeNumber(encodedValue));
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(char[] encodedValue, int offset, int len) {
		if (!masking()) {
			writeMaskedOr(new String(encodedValue, offset, len),
					() -> this.delegate.writeNumber(encodedValue, offset, len));
		}
		return this;
	}

	/**
	 * Fewer than 13 digits cannot be a card number, the only secret a number can be: those need no masking and no
	 * boxing.
	 */
	private static boolean mayBeCardNumber(long v) {
		return v >= SMALLEST_CARD_LENGTH_NUMBER || v <= -SMALLEST_CARD_LENGTH_NUMBER;
	}

	private void writeMaskedOr(Object number, Runnable writeUnmasked) {
		Object masked = this.trustedValue ? null : this.rules.values().mask(null, number);
		if (masked != null) {
			this.delegate.writeString(masked.toString());
		}
		else {
			writeUnmasked.run();
		}
	}

	/**
	 * Writes a value the patterns masked as a string, else writes it as it came; rare write methods only, as the
	 * lambda costs an allocation.
	 */
	private void writeMaskedOr(String value, Runnable writeUnmasked) {
		String masked = maskText(value);
		if (masked != value) {
			this.delegate.writeString(masked);
		}
		else {
			writeUnmasked.run();
		}
	}

	private String maskText(String text) {
		return (this.trustedValue || text == null) ? text : this.rules.values().maskText(text);
	}

	private String read(Reader reader, int len) {
		try {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[1024];
			int remaining = (len < 0) ? Integer.MAX_VALUE : len;
			int read;
			while (remaining > 0 && (read = reader.read(buffer, 0, Math.min(buffer.length, remaining))) != -1) {
				text.append(buffer, 0, read);
				remaining -= read;
			}
			return text.toString();
		}
		catch (IOException ex) {
			throw JacksonIOException.construct(ex, this);
		}
	}

}
