package io.github.structuredlogging.sampling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Exposes the sampling settings as a bean (and so on {@code /actuator/configprops}). The sampler itself is built by
 * the logging system, with the async pipeline, before any bean exists.
 */
@AutoConfiguration
@EnableConfigurationProperties(SamplingProperties.class)
public final class SamplingAutoConfiguration {

}
