package io.github.structuredlogging.async;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.destination.DestinationMetrics;
import io.github.structuredlogging.output.OnLogbackCondition;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Meters of the log pipeline, in their own auto-configuration so that the pipeline works without Micrometer.
 */
@AutoConfiguration(after = AsyncAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, LoggerContext.class })
@ConditionalOnBean(MeterRegistry.class)
@Conditional(OnLogbackCondition.class)
@ConditionalOnBooleanProperty(prefix = AsyncProperties.PREFIX, name = "enabled", matchIfMissing = true)
public final class LogPipelineMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogPipelineMetrics logPipelineMetrics() {
		return new LogPipelineMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
	}

	@Bean
	@ConditionalOnMissingBean
	DestinationMetrics destinationMetrics() {
		return new DestinationMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
	}

}
