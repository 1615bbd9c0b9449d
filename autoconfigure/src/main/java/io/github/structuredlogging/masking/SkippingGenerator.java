package io.github.structuredlogging.masking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;

import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * The part of the {@link MaskingGenerator} that writes nothing inside the value of a masked field, for the writes
 * that can never hold a secret on their own: numbers too short for a card number, booleans, nulls, ids, binary
 * data and raw output, and the end of an object. Outside a masked value each is written unchanged.
 */
abstract class SkippingGenerator extends JsonGeneratorDelegate {

	/**
	 * Above zero inside the value of a masked field: {@code 1} for the field itself, one more for each object
	 * opened inside it, so the next name at the field's own level ends the masking.
	 */
	protected int maskDepth;

	SkippingGenerator(JsonGenerator delegate) {
		super(delegate, false);
	}

	protected final boolean masking() {
		return this.maskDepth > 0;
	}

	@Override
	public JsonGenerator writeEndObject() {
		if (masking()) {
			this.maskDepth--;
		}
		if (!masking()) {
			this.delegate.writeEndObject();
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(short v) {
		if (!masking()) {
			this.delegate.writeNumber(v);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(int v) {
		if (!masking()) {
			this.delegate.writeNumber(v);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(double v) {
		if (!masking()) {
			this.delegate.writeNumber(v);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(float v) {
		if (!masking()) {
			this.delegate.writeNumber(v);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(BigDecimal v) {
		if (!masking()) {
			this.delegate.writeNumber(v);
		}
		return this;
	}

	@Override
	public JsonGenerator writeBoolean(boolean state) {
		if (!masking()) {
			this.delegate.writeBoolean(state);
		}
		return this;
	}

	@Override
	public JsonGenerator writeNull() {
		if (!masking()) {
			this.delegate.writeNull();
		}
		return this;
	}

	@Override
	public JsonGenerator writeEmbeddedObject(Object object) {
		if (!masking()) {
			this.delegate.writeEmbeddedObject(object);
		}
		return this;
	}

	@Override
	public JsonGenerator writeObjectId(Object id) {
		if (!masking()) {
			this.delegate.writeObjectId(id);
		}
		return this;
	}

	@Override
	public JsonGenerator writeObjectRef(Object id) {
		if (!masking()) {
			this.delegate.writeObjectRef(id);
		}
		return this;
	}

	@Override
	public JsonGenerator writeTypeId(Object id) {
		if (!masking()) {
			this.delegate.writeTypeId(id);
		}
		return this;
	}

	@Override
	public JsonGenerator writeOmittedProperty(String propertyName) {
		if (!masking()) {
			this.delegate.writeOmittedProperty(propertyName);
		}
		return this;
	}

	@Override
	public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int len) {
		if (!masking()) {
			this.delegate.writeBinary(variant, data, offset, len);
		}
		return this;
	}

	@Override
	public int writeBinary(Base64Variant variant, InputStream data, int dataLength) {
		if (!masking()) {
			return this.delegate.writeBinary(variant, data, dataLength);
		}
		try {
			return (int) data.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw JacksonIOException.construct(ex, this);
		}
	}

	@Override
	public JsonGenerator writeRaw(String text) {
		if (!masking()) {
			this.delegate.writeRaw(text);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRaw(String text, int offset, int len) {
		if (!masking()) {
			this.delegate.writeRaw(text, offset, len);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRaw(SerializableString raw) {
		if (!masking()) {
			this.delegate.writeRaw(raw);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRaw(char[] text, int offset, int len) {
		if (!masking()) {
			this.delegate.writeRaw(text, offset, len);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRaw(char c) {
		if (!masking()) {
			this.delegate.writeRaw(c);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRawValue(String text) {
		if (!masking()) {
			this.delegate.writeRawValue(text);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRawValue(String text, int offset, int len) {
		if (!masking()) {
			this.delegate.writeRawValue(text, offset, len);
		}
		return this;
	}

	@Override
	public JsonGenerator writeRawValue(char[] text, int offset, int len) {
		if (!masking()) {
			this.delegate.writeRawValue(text, offset, len);
		}
		return this;
	}

}
