package io.github.structuredlogging.output;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Logging defaults that depend on the environment, added as the property source of lowest precedence so that any
 * setting of the application (its {@code application.yml}, environment variables, command line) overrides them.
 * <ul>
 * <li>With the {@value #PRODUCTION_PROFILE} profile: root level INFO, JSON on the console, a queue of 16384
 * events.</li>
 * <li>Otherwise ({@value #DEVELOPMENT_PROFILE} or no profile): DEBUG for the application's own package (that of
 * its main class) and a queue of 1024 events, small enough that a developer sees drops happen and counted.</li>
 * </ul>
 * An {@code EnvironmentPostProcessor} rather than profile-specific files in the starter, because it runs after the
 * application's config data has settled the active profiles and before the logging system reads its settings.
 */
public class LoggingProfileDefaults implements EnvironmentPostProcessor, Ordered {

	/** Profile that selects the production defaults. */
	public static final String PRODUCTION_PROFILE = "prod";

	/** Profile that selects the development defaults, which also apply when no profile is active. */
	public static final String DEVELOPMENT_PROFILE = "dev";

	/** Property naming the set of defaults in effect, for the start-up log line. */
	public static final String APPLIED_DEFAULTS_PROPERTY = "structured-logging.profile-defaults";

	static final String PROPERTY_SOURCE_NAME = "structuredLoggingProfileDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE));
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (production) {
			defaults.put(APPLIED_DEFAULTS_PROPERTY, PRODUCTION_PROFILE);
			defaults.put("logging.level.root", "INFO");
			defaults.put(OutputProperties.PREFIX + ".console-format", "json");
			defaults.put("structured-logging.async.queue-size", 16384);
		}
		else {
			defaults.put(APPLIED_DEFAULTS_PROPERTY, DEVELOPMENT_PROFILE);
			Class<?> mainClass = application.getMainApplicationClass();
			if (mainClass != null && !mainClass.getPackageName().isEmpty()) {
				defaults.put("logging.level." + mainClass.getPackageName(), "DEBUG");
			}
			defaults.put("structured-logging.async.queue-size", 1024);
		}
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
