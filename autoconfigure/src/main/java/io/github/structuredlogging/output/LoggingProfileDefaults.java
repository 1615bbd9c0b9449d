package io.github.structuredlogging.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

/**
 * Logging defaults that depend on the environment, added as the property source of lowest precedence so that any
 * setting of the application (its {@code application.yml}, environment variables, command line) overrides them.
 * <ul>
 * <li>No profile (how production services commonly run): nothing changes; JSON on the console, every level as
 * Spring Boot and the application set it.</li>
 * <li>With the {@value #PRODUCTION_PROFILE} profile: a queue of 16384 events.</li>
 * <li>With a development profile ({@code structured-logging.output.development-profiles}, by default {@code dev}
 * and {@code local}) or Spring Boot DevTools on the class path: readable plain text on the console, DEBUG for the
 * application's own package unless {@code logging.level.*} covers it (see {@link DevelopmentLevels}), and a queue
 * of 1024 events, small enough that a developer sees drops happen and counted.</li>
 * </ul>
 * Whenever the console writes structured lines, the banner is switched off, as Spring Boot does for its own
 * structured logging, so that stdout holds nothing but events. A Logback file of the application's own is left to
 * decide all of this.
 * <p>
 * An {@code EnvironmentPostProcessor} rather than profile-specific files in the starter, because it runs after the
 * application's config data has settled the active profiles and before the banner is printed and the logging system
 * reads its settings; it runs again on every DevTools restart.
 */
public class LoggingProfileDefaults implements EnvironmentPostProcessor, Ordered {

	/** Profile that selects the production defaults. */
	public static final String PRODUCTION_PROFILE = "prod";

	/** Name of the development defaults in the start-up line. */
	public static final String DEVELOPMENT_DEFAULTS = "dev";

	/** Property naming the set of defaults in effect, for the start-up log line. */
	public static final String APPLIED_DEFAULTS_PROPERTY = "structured-logging.profile-defaults";

	static final String PROPERTY_SOURCE_NAME = "structuredLoggingProfileDefaults";

	private static final String DEVTOOLS_CLASS = "org.springframework.boot.devtools.restart.Restarter";

	/** The files Spring Boot's Logback system loads instead of its defaults. */
	private static final String[] OWN_LOGBACK_FILES = { "logback-test.groovy", "logback-test.xml", "logback.groovy",
			"logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml", "logback-spring.groovy",
			"logback-spring.xml" };

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		// The two settings read here are bound one by one, with the same relaxed names and conversions: binding the
		// whole class costs the first bean binding of the JVM, and the logging system binds it validated anyway.
		Binder binder = Binder.get(environment);
		OutputProperties unset = new OutputProperties();
		boolean enabled = binder.bind(OutputProperties.PREFIX + ".enabled", Boolean.class).orElse(unset.isEnabled());
		List<String> developmentProfiles = binder
			.bind(OutputProperties.PREFIX + ".development-profiles", Bindable.listOf(String.class))
			.orElse(unset.getDevelopmentProfiles());
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
			defaults.put(APPLIED_DEFAULTS_PROPERTY, PRODUCTION_PROFILE);
			defaults.put("structured-logging.async.queue-size", 16384);
		}
		else if (isDevelopment(environment, developmentProfiles, application.getClassLoader())) {
			defaults.put(APPLIED_DEFAULTS_PROPERTY, DEVELOPMENT_DEFAULTS);
			defaults.put(OutputProperties.PREFIX + ".console-format", "plain");
			Class<?> mainClass = application.getMainApplicationClass();
			if (mainClass != null && !mainClass.getPackageName().isEmpty()) {
				defaults.put(DevelopmentLevels.DEBUG_PACKAGE_PROPERTY, mainClass.getPackageName());
			}
			defaults.put("structured-logging.async.queue-size", 1024);
		}
		else {
			defaults.put(APPLIED_DEFAULTS_PROPERTY, "none");
		}
		if (writesStructuredConsole(environment, enabled, defaults, application.getClassLoader())) {
			defaults.put("spring.main.banner-mode", "off");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static boolean isDevelopment(ConfigurableEnvironment environment, List<String> developmentProfiles,
			ClassLoader classLoader) {
		return environment.acceptsProfiles(Profiles.of(developmentProfiles.toArray(String[]::new)))
				|| ClassUtils.isPresent(DEVTOOLS_CLASS, classLoader);
	}

	/**
	 * Whether the starter's console will write structured lines: it writes the console unless the application
	 * brings its own Logback configuration, and writes text only in the plain format.
	 */
	private static boolean writesStructuredConsole(ConfigurableEnvironment environment, boolean enabled,
			Map<String, Object> defaults, ClassLoader classLoader) {
		if (!enabled || environment.containsProperty("logging.config")
				|| hasOwnLogbackFile(classLoader)) {
			return false;
		}
		if (environment.containsProperty("logging.structured.format.console")) {
			return true;
		}
		Object format = environment.containsProperty(OutputProperties.PREFIX + ".console-format")
				? environment.getProperty(OutputProperties.PREFIX + ".console-format")
				: defaults.getOrDefault(OutputProperties.PREFIX + ".console-format", "json");
		return !"plain".equalsIgnoreCase(String.valueOf(format).trim());
	}

	private static boolean hasOwnLogbackFile(ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		for (String file : OWN_LOGBACK_FILES) {
			if (loader.getResource(file) != null) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
