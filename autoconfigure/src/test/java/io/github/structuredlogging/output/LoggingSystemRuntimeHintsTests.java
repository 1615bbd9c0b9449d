package io.github.structuredlogging.output;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.sampling.SamplingProperties;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.context.properties.ConfigurationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSystemRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void everyPropertiesClassTheLoggingSystemBindsCanBeCreatedAndBound() throws Exception {
		new LoggingSystemRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		for (Class<?> type : List.of(OutputProperties.class, LimitsProperties.class, MaskingProperties.class,
				AsyncProperties.class, SamplingProperties.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getDeclaredConstructor()))
				.as(type.getName())
				.accepts(this.hints);
			List<Method> setters = setters(type);
			assertThat(setters).as("positive control: %s has properties to bind", type.getName()).isNotEmpty();
			for (Method setter : setters) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter)).as(setter.toString())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void onlyThisProjectsPropertiesClassesAreFound() {
		List<Class<?>> found = LoggingSystemRuntimeHints.propertiesClasses(getClass().getClassLoader());
		assertThat(found).contains(OutputProperties.class, CorrelationProperties.class)
			.allMatch((type) -> type.isAnnotationPresent(ConfigurationProperties.class))
			.doesNotContain(TestOnlyProperties.class);
	}

	@Test
	void withoutTheRegistrarNothingIsRegistered() throws Exception {
		Method setter = setters(AsyncProperties.class).get(0);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter)).rejects(this.hints);
	}

	private static List<Method> setters(Class<?> type) throws Exception {
		return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
			.map(PropertyDescriptor::getWriteMethod)
			.filter(Objects::nonNull)
			.toList();
	}

	/** In the same package as the starter's classes, but compiled into the tests, not into the jar. */
	@ConfigurationProperties("test-only")
	static class TestOnlyProperties {

	}

}
