package io.github.structuredlogging.format;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The name of a member a format writes in every event, resolved once: a name of printable ASCII, as all of Boot's
 * names are, is also kept encoded and quoted, which the generator copies instead of escaping it again. Other names
 * (renamed by the user to anything) are written as text, so that the generator's own escapes apply to them.
 *
 * @param text the name
 * @param encoded the name encoded, {@code null} when it is written as text
 */
record MemberName(String text, SerializableString encoded) {

	/**
	 * The name of a member.
	 * @param name the name, {@code null} for a member that is not written
	 * @return the member name, {@code null} when not written
	 */
	static MemberName of(String name) {
		if (name == null) {
			return null;
		}
		return new MemberName(name, isPrintableAscii(name) ? new SerializedString(name) : null);
	}

	void writeTo(JsonGenerator generator) {
		if (this.encoded != null) {
			generator.writeName(this.encoded);
		}
		else {
			generator.writeName(this.text);
		}
	}

	void writeObjectStart(JsonGenerator generator) {
		writeTo(generator);
		generator.writeStartObject();
	}

	void writeNumber(JsonGenerator generator, int value) {
		writeTo(generator);
		generator.writeNumber(value);
	}

	void writeNumber(JsonGenerator generator, long value) {
		writeTo(generator);
		generator.writeNumber(value);
	}

	private static boolean isPrintableAscii(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

}
