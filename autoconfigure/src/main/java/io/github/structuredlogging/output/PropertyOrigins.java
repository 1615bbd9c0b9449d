package io.github.structuredlogging.output;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Tells a setting of the application from a default the starter contributed, for the start-up line that says
 * where each setting in force came from.
 */
final class PropertyOrigins {

	private PropertyOrigins() {
	}

	/**
	 * Whether the application set the property itself (in any form relaxed binding accepts), rather than the
	 * starter's profile defaults.
	 * @param environment the environment
	 * @param name the property name in canonical form
	 * @return whether the application set it
	 */
	static boolean isSetByApplication(Environment environment, String name) {
		String source = sourceOf(environment, name);
		return source != null && !LoggingProfileDefaults.PROPERTY_SOURCE_NAME.equals(source);
	}

	/**
	 * The name of the property source the value of a property comes from.
	 * @param environment the environment
	 * @param name the property name in canonical form
	 * @return the property source's name, or {@code null} when the property is not set
	 */
	static String sourceOf(Environment environment, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(key);
			if (property != null) {
				return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
						? propertySource.getName() : String.valueOf(source.getUnderlyingSource());
			}
		}
		return null;
	}

}
