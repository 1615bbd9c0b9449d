package io.github.structuredlogging.validation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports an invalid {@code structured-logging.*} property the way a user fixes it: the property as written in
 * {@code application.yml}, the value given, where it came from, and what is allowed. Ordered ahead of Spring Boot's
 * generic binding analyzers, and silent on failures about any other property.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvalidConfigurationFailureAnalyzer implements FailureAnalyzer {

	static final String PREFIX = "structured-logging";

	private static final String ACTION = "Update the structured-logging properties listed above in application.yml, "
			+ "application.properties or the environment so that each value is allowed.";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		List<Problem> problems = new ArrayList<>();
		for (Throwable cause = failure; cause != null && problems.isEmpty(); cause = cause.getCause()) {
			collect(cause, problems);
		}
		if (problems.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid structured-logging configuration:%n".formatted());
		for (Problem problem : problems) {
			description.append("%n    Property: %s%n    Value: %s%n".formatted(problem.property,
					(problem.value != null) ? "\"" + problem.value + "\"" : "(not set)"));
			if (problem.origin != null) {
				description.append("    Origin: %s%n".formatted(problem.origin));
			}
			description.append("    Allowed: %s%n".formatted(problem.allowed));
		}
		return new FailureAnalysis(description.toString(), ACTION, failure);
	}

	private static void collect(Throwable cause, List<Problem> problems) {
		if (cause instanceof InvalidConfigurationPropertyException invalid && isOurs(invalid.getProperty())) {
			problems.add(new Problem(invalid.getProperty(), invalid.getValue(), null, invalid.getAllowed()));
		}
		else if (cause instanceof BindValidationException validation) {
			collect(validation.getValidationErrors(), problems);
		}
		else if (cause instanceof BindException bind && bind.getProperty() != null
				&& isOurs(bind.getProperty().getName().toString())
				&& !(bind.getCause() instanceof BindValidationException)) {
			ConfigurationProperty property = bind.getProperty();
			problems.add(new Problem(property.getName().toString(), property.getValue(), property.getOrigin(),
					"must be convertible to " + bind.getTarget().getType() + " (" + rootMessage(bind) + ")"));
		}
	}

	private static void collect(ValidationErrors errors, List<Problem> problems) {
		String prefix = errors.getName().toString();
		if (!isOurs(prefix)) {
			return;
		}
		for (ObjectError error : errors.getAllErrors()) {
			if (error instanceof FieldError field) {
				problems.add(new Problem(prefix + "." + kebabCase(field.getField()), field.getRejectedValue(),
						Origin.from(field), field.getDefaultMessage()));
			}
			else {
				problems.add(new Problem(prefix, "", Origin.from(error), error.getDefaultMessage()));
			}
		}
	}

	private static boolean isOurs(String property) {
		return property.equals(PREFIX) || property.startsWith(PREFIX + ".");
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * Bean Validation names fields as Java properties ({@code maxStackDepth}, {@code patterns[order].regex});
	 * users write them in kebab case. Map keys inside brackets are kept as written.
	 */
	static String kebabCase(String path) {
		StringBuilder name = new StringBuilder(path.length() + 4);
		int brackets = 0;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '[') {
				brackets++;
			}
			else if (c == ']') {
				brackets--;
			}
			if (brackets == 0 && Character.isUpperCase(c)) {
				name.append('-').append(Character.toLowerCase(c));
			}
			else {
				name.append(c);
			}
		}
		return name.toString();
	}

	private record Problem(String property, Object value, Origin origin, String allowed) {

	}

}
