package io.github.structuredlogging.output;

import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.format.FormatProperties;
import io.github.structuredlogging.limits.LimitsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Exposes the output settings and limits as beans (and so on {@code /actuator/configprops}). The output itself is
 * set up by {@link StructuredLoggingSystem} long before any bean exists.
 */
@AutoConfiguration
@EnableConfigurationProperties({ OutputProperties.class, LimitsProperties.class, FormatProperties.class,
		DestinationsProperties.class })
public final class OutputAutoConfiguration {

}
