package io.github.structuredlogging.masking;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Jackson module that writes the replacement for every {@link Sensitive} property of a bean or record. Registered
 * on the mappers of the log encoder only.
 */
public final class SensitiveModule extends SimpleModule {

	public SensitiveModule(String replacement) {
		super("structured-logging-sensitive");
		ValueSerializer<Object> masked = new MaskedValueSerializer(replacement);
		setSerializerModifier(new ValueSerializerModifier() {

			@Override
			public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
					BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
				for (BeanPropertyWriter property : properties) {
					if (property.getAnnotation(Sensitive.class) != null) {
						property.assignSerializer(masked);
					}
				}
				return properties;
			}

		});
	}

	private static final class MaskedValueSerializer extends ValueSerializer<Object> {

		private final String replacement;

		MaskedValueSerializer(String replacement) {
			this.replacement = replacement;
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(this.replacement);
		}

	}

}
