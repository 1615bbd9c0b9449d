package io.github.structuredlogging.event;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;

/**
 * How a record class is logged as a business event: its event type and, per component, the JSON field name and
 * accessor. Worked out once per record class.
 */
final class RecordEvent {

	private static final ClassValue<RecordEvent> CACHE = new ClassValue<>() {

		@Override
		protected RecordEvent computeValue(Class<?> type) {
			return new RecordEvent(type);
		}

	};

	private final String type;

	private final String[] fields;

	private final MethodHandle[] accessors;

	private RecordEvent(Class<?> recordClass) {
		EventType eventType = recordClass.getAnnotation(EventType.class);
		this.type = (eventType != null) ? eventType.value() : SnakeCase.of(recordClass.getSimpleName());
		RecordComponent[] components = recordClass.getRecordComponents();
		this.fields = new String[components.length];
		this.accessors = new MethodHandle[components.length];
		for (int i = 0; i < components.length; i++) {
			this.fields[i] = SnakeCase.of(components[i].getName());
			this.accessors[i] = accessor(components[i]);
		}
	}

	static RecordEvent of(Class<? extends Record> recordClass) {
		return CACHE.get(recordClass);
	}

	private static MethodHandle accessor(RecordComponent component) {
		try {
			// Records declared in another package, or nested in a class, are often not public.
			component.getAccessor().trySetAccessible();
			return MethodHandles.lookup().unreflect(component.getAccessor());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalArgumentException("Cannot read component '" + component.getName() + "' of "
					+ component.getDeclaringRecord().getName(), ex);
		}
	}

	String type() {
		return this.type;
	}

	int size() {
		return this.fields.length;
	}

	String field(int index) {
		return this.fields[index];
	}

	Object value(Record event, int index) {
		try {
			return this.accessors[index].invoke(event);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Accessor of '" + this.fields[index] + "' failed", ex);
		}
	}

}
