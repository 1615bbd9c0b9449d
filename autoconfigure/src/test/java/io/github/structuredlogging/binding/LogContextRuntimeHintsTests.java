package io.github.structuredlogging.binding;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void aBeanClassWithALogContextIsRegisteredSoItsAnnotationCanBeRead() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, WithContext.class, WithoutContext.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(WithContext.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(WithoutContext.class)).rejects(this.hints);
	}

	@LogContext(component = "orders")
	static class WithContext {

	}

	static class WithoutContext {

	}

}
