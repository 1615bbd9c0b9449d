package io.github.structuredlogging.errors;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.output.OnLogbackCondition;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration that tracks ERROR events and raises alerts on thresholds: an {@link ErrorTracker}, fed by an
 * appender on Logback's root logger, and a health indicator when Spring Boot's health support is present. Uses the
 * application's {@link Clock} bean when it has one.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(prefix = ErrorTrackingProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ErrorTrackingProperties.class)
public final class ErrorTrackingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorTracker errorTracker(ErrorTrackingProperties properties, ObjectProvider<Clock> clock,
			ApplicationEventPublisher publisher) {
		return new ErrorTracker(properties.getAlert(), clock.getIfAvailable(Clock::systemUTC), publisher);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LoggerContext.class)
	@Conditional(OnLogbackCondition.class)
	static class LogbackConfiguration {

		/**
		 * Closed, and so detached from the root logger, with the context.
		 */
		@Bean
		@ConditionalOnMissingBean
		ErrorTrackingAppender errorTrackingAppender(ErrorTracker tracker) {
			ErrorTrackingAppender appender = new ErrorTrackingAppender(tracker);
			appender.install((LoggerContext) LoggerFactory.getILoggerFactory());
			return appender;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("errors")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ErrorTrackingHealthIndicator errorsHealthIndicator(ErrorTracker tracker) {
			return new ErrorTrackingHealthIndicator(tracker);
		}

	}

}
