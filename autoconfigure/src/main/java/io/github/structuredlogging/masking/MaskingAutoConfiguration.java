package io.github.structuredlogging.masking;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Exposes the masking settings as a bean (and so on {@code /actuator/configprops}). Masking itself is part of the
 * JSON encoder, built by {@link io.github.structuredlogging.output.StructuredLoggingSystem} before any bean exists.
 */
@AutoConfiguration
@EnableConfigurationProperties(MaskingProperties.class)
public final class MaskingAutoConfiguration {

}
