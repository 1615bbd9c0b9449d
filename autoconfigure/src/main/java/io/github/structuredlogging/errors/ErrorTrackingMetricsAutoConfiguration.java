package io.github.structuredlogging.errors;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Counts tracked ERROR events in Micrometer, when the application has a {@link MeterRegistry}. Spring Boot binds the
 * {@link ErrorMetrics} to its registries.
 */
@AutoConfiguration(after = ErrorTrackingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ErrorTracker.class })
public final class ErrorTrackingMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorMetrics errorMetrics(ErrorTracker tracker, ErrorTrackingProperties properties) {
		return new ErrorMetrics(tracker, properties.getMaxExceptionTags(), properties.getMaxLoggerTags());
	}

}
