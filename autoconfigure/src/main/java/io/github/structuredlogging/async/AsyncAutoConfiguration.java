package io.github.structuredlogging.async;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Exposes the pipeline settings as a bean (and so on {@code /actuator/configprops}). The pipeline itself is built by
 * the logging system before any bean exists; metrics, endpoint and health indicator find it in the logger context.
 */
@AutoConfiguration
@EnableConfigurationProperties(AsyncProperties.class)
public final class AsyncAutoConfiguration {

}
