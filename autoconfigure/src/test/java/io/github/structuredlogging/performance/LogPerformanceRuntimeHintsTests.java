package io.github.structuredlogging.performance;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ahead-of-time processing registers for a bean that uses {@link LogPerformance}: the
 * {@code ReflectiveRuntimeHintsRegistrar} is what Spring runs over every bean class while processing a context.
 */
class LogPerformanceRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void anAnnotatedMethodIsRegisteredForInvocationAndItsNeighboursAreNot() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, MeasuredMethod.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(MeasuredMethod.class, "measured"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(MeasuredMethod.class, "notMeasured"))
			.rejects(this.hints);
	}

	@Test
	void anAnnotatedClassIsRegistered() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, MeasuredClass.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(MeasuredClass.class)).accepts(this.hints);
	}

	@Test
	void aClassWithoutTheAnnotationIsNotRegistered() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, NotMeasured.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(NotMeasured.class)).rejects(this.hints);
	}

	static class MeasuredMethod {

		@LogPerformance("orders.place")
		public void measured() {
		}

		public void notMeasured() {
		}

	}

	@LogPerformance
	static class MeasuredClass {

		public void measured() {
		}

	}

	static class NotMeasured {

		public void work() {
		}

	}

}
