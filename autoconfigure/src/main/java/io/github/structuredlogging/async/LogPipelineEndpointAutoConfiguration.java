package io.github.structuredlogging.async;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.output.OnLogbackCondition;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code logpipeline} Actuator endpoint, when Actuator is present and the endpoint is exposed.
 */
@AutoConfiguration(after = AsyncAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, LoggerContext.class })
@Conditional(OnLogbackCondition.class)
@ConditionalOnBooleanProperty(prefix = AsyncProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(LogPipelineEndpoint.class)
public final class LogPipelineEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogPipelineEndpoint logPipelineEndpoint() {
		return new LogPipelineEndpoint((LoggerContext) LoggerFactory.getILoggerFactory());
	}

}
