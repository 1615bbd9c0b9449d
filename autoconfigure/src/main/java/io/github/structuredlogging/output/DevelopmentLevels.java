package io.github.structuredlogging.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

import org.springframework.core.env.Environment;

/**
 * DEBUG for the application's own package in development (see {@link LoggingProfileDefaults}), set on the logger
 * itself rather than as a {@code logging.level.*} property: Spring Boot applies those properties over any Logback
 * file, and a default must never override a level the application chose. So the level is only set when no
 * {@code logging.level.*} names the package, one of its parents or the root.
 */
final class DevelopmentLevels {

	/** Internal property through which the profile defaults name the application's package. */
	static final String DEBUG_PACKAGE_PROPERTY = LoggingProfileDefaults.APPLIED_DEFAULTS_PROPERTY + "-debug-package";

	private DevelopmentLevels() {
	}

	/**
	 * Sets the development level, unless the application set a level that covers the package.
	 * @param environment the environment
	 * @param context the Logback context
	 * @return the package now at DEBUG, or {@code null}
	 */
	static String apply(Environment environment, LoggerContext context) {
		String debugPackage = environment.getProperty(DEBUG_PACKAGE_PROPERTY);
		if (debugPackage == null || debugPackage.isEmpty() || hasConfiguredLevel(environment, debugPackage)) {
			return null;
		}
		context.getLogger(debugPackage).setLevel(Level.DEBUG);
		return debugPackage;
	}

	private static boolean hasConfiguredLevel(Environment environment, String packageName) {
		if (environment.containsProperty("logging.level.root")) {
			return true;
		}
		for (String name = packageName; !name.isEmpty(); name = parent(name)) {
			if (environment.containsProperty("logging.level." + name)) {
				return true;
			}
		}
		return false;
	}

	private static String parent(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : "";
	}

}
