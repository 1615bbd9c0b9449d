package io.github.structuredlogging.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Constraint;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void everyConstraintValidatorCanBeInstantiatedAndEveryConstraintRead() throws Exception {
		new ValidationRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		for (Class<?> validator : ValidationRuntimeHints.VALIDATORS) {
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(validator.getDeclaredConstructor()))
				.as(validator.getName())
				.accepts(this.hints);
		}
		for (Class<?> constraint : ValidationRuntimeHints.CONSTRAINTS) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(constraint)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).as(constraint.getName()).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(constraint.getMethod("message")))
				.accepts(this.hints);
		}
	}

	@Test
	void theListsHoldEveryConstraintOfThisProjectAndItsValidator() throws Exception {
		List<Class<?>> constraints = constraintsDeclaredInThisProject();
		assertThat(constraints).as("positive control: the scan finds constraints").contains(PowerOfTwo.class);
		assertThat(ValidationRuntimeHints.CONSTRAINTS).containsExactlyInAnyOrderElementsOf(constraints);
		assertThat(constraints.stream().flatMap((constraint) -> Arrays.stream(validatedBy(constraint))))
			.containsExactlyInAnyOrderElementsOf(ValidationRuntimeHints.VALIDATORS);
	}

	@Test
	void withoutTheRegistrarNothingIsRegistered() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PowerOfTwoValidator.class.getDeclaredConstructor())).rejects(this.hints);
	}

	private static Class<?>[] validatedBy(Class<?> constraint) {
		return constraint.getAnnotation(Constraint.class).validatedBy();
	}

	private static List<Class<?>> constraintsDeclaredInThisProject() throws Exception {
		Resource[] classes = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/structuredlogging/**/*.class");
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
		List<Class<?>> constraints = new ArrayList<>();
		for (Resource resource : classes) {
			AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
			if (metadata.isAnnotation() && metadata.hasAnnotation(Constraint.class.getName())) {
				constraints.add(Class.forName(metadata.getClassName()));
			}
		}
		return constraints;
	}

}
