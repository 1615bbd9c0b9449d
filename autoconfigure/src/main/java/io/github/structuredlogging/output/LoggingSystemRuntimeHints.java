package io.github.structuredlogging.output;

import java.security.CodeSource;
import java.util.List;
import java.util.Objects;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Lets the logging system bind its properties in a native image. It binds them with a {@code Binder} while logging
 * starts, before any bean exists, so Boot's ahead-of-time processing of {@code @ConfigurationProperties} beans never
 * sees them. Every {@code @ConfigurationProperties} class of this jar is registered, found when the image is built,
 * so a format or destination that adds its own properties is covered without a list to keep up to date.
 */
class LoggingSystemRuntimeHints implements RuntimeHintsRegistrar {

	private static final String BASE_PACKAGE = "io.github.structuredlogging";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(propertiesClasses(classLoader).toArray(Class<?>[]::new))
			.registerHints(hints, classLoader);
	}

	static List<Class<?>> propertiesClasses(ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		CodeSource thisJar = LoggingSystemRuntimeHints.class.getProtectionDomain().getCodeSource();
		return scanner.findCandidateComponents(BASE_PACKAGE)
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map((name) -> ClassUtils.resolveClassName(Objects.requireNonNull(name), classLoader))
			// The application may share the package prefix (as the sample app does): its classes are not ours.
			.filter((type) -> Objects.equals(type.getProtectionDomain().getCodeSource(), thisJar))
			.<Class<?>>map((type) -> type)
			.toList();
	}

}
