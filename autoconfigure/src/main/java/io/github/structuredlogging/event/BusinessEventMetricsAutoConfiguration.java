package io.github.structuredlogging.event;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that counts business events per type in Micrometer, apart from the feature so that business
 * events work without Actuator.
 */
@AutoConfiguration(after = EventAutoConfiguration.class, afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(prefix = EventProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = EventProperties.PREFIX + ".metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventProperties.class)
public final class BusinessEventMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BusinessEventMetrics businessEventMetrics(MeterRegistry registry, EventProperties properties) {
		EventProperties.Metrics metrics = properties.getMetrics();
		return new BusinessEventMetrics(registry, metrics.getAllowedTypes(), metrics.getMaxTypes());
	}

}
