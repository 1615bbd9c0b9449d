package io.github.structuredlogging;

import java.util.List;

import io.github.structuredlogging.output.OutputProperties;
import io.github.structuredlogging.validation.PowerOfTwoValidator;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's hints reach a native image only through {@code META-INF/spring/aot.factories}, the file Spring's
 * ahead-of-time processing reads; a registrar missing from it is silently skipped.
 */
class AotFactoriesTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void aheadOfTimeProcessingAppliesTheStartersRuntimeHints() throws Exception {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		RuntimeHints fromOthers = hintsOf(registrars.stream().filter((registrar) -> !ours(registrar)).toList());
		RuntimeHints fromAll = hintsOf(registrars);

		assertThat(RuntimeHintsPredicates.reflection().onType(OutputProperties.class)).rejects(fromOthers)
			.accepts(fromAll);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PowerOfTwoValidator.class.getDeclaredConstructor())).rejects(fromOthers)
			.accepts(fromAll);
	}

	private RuntimeHints hintsOf(List<RuntimeHintsRegistrar> registrars) {
		RuntimeHints hints = new RuntimeHints();
		registrars.forEach((registrar) -> registrar.registerHints(hints, this.classLoader));
		return hints;
	}

	private static boolean ours(RuntimeHintsRegistrar registrar) {
		return registrar.getClass().getName().startsWith("io.github.structuredlogging.");
	}

}
