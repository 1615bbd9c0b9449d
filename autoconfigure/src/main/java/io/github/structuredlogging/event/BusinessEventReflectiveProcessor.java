package io.github.structuredlogging.event;

import java.lang.reflect.AnnotatedElement;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.ReflectiveProcessor;

/**
 * Registers for reflection what logging a business event record reads at run time: its record components and their
 * accessors, and, for values written as JSON, the types Jackson binds (nested records, {@code @Sensitive}
 * properties).
 */
class BusinessEventReflectiveProcessor implements ReflectiveProcessor {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerReflectionHints(ReflectionHints hints, AnnotatedElement element) {
		if (element instanceof Class<?> type) {
			this.bindingRegistrar.registerReflectionHints(hints, type);
		}
	}

}
