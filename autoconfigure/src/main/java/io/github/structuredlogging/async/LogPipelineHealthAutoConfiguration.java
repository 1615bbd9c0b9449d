package io.github.structuredlogging.async;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.output.OnLogbackCondition;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The log pipeline's contribution to {@code /actuator/health}, under the name {@code logPipeline}; switched off with
 * {@code management.health.logpipeline.enabled=false}.
 */
@AutoConfiguration(after = AsyncAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, LoggerContext.class })
@Conditional(OnLogbackCondition.class)
@ConditionalOnBooleanProperty(prefix = AsyncProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("logpipeline")
public final class LogPipelineHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "logPipelineHealthIndicator")
	LogPipelineHealthIndicator logPipelineHealthIndicator(AsyncProperties properties) {
		return new LogPipelineHealthIndicator((LoggerContext) LoggerFactory.getILoggerFactory(),
				properties.getHealth());
	}

}
