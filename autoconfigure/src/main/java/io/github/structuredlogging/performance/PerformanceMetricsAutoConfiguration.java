package io.github.structuredlogging.performance;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that times {@link LogPerformance @LogPerformance} operations in Micrometer, apart from the
 * feature so that it works without Actuator.
 */
@AutoConfiguration(after = PerformanceAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(prefix = PerformanceProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = PerformanceProperties.PREFIX + ".metrics", name = "enabled",
		matchIfMissing = true)
@EnableConfigurationProperties(PerformanceProperties.class)
public final class PerformanceMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PerformanceMetrics performanceMetrics(MeterRegistry registry, PerformanceProperties properties) {
		PerformanceProperties.Metrics metrics = properties.getMetrics();
		double[] percentiles = metrics.getPercentiles().stream().mapToDouble(Double::doubleValue).toArray();
		return new PerformanceMetrics(registry, metrics.getName(), percentiles, metrics.isPercentilesHistogram());
	}

}
