package io.github.structuredlogging.level;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.correlation.CorrelationFilterOrder;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.TraceIdSource;
import io.github.structuredlogging.output.OnLogbackCondition;
import io.micrometer.context.ContextRegistry;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of levels that revert by themselves: the {@code timedloggers} endpoint, and DEBUG for single
 * requests (servlet and WebFlux) when enabled.
 */
@AutoConfiguration
@EnableConfigurationProperties({ LevelProperties.class, CorrelationProperties.class })
public final class LevelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LoggingSystem.class)
	TemporaryLevels temporaryLevels(LoggingSystem loggingSystem) {
		return new TemporaryLevels(loggingSystem, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(TimedLoggersEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(LoggingSystem.class)
		TimedLoggersEndpoint timedLoggersEndpoint(TemporaryLevels levels, LevelProperties properties) {
			return new TimedLoggersEndpoint(levels, properties.getMaxDuration());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(prefix = LevelProperties.PREFIX, name = "request-debug.enabled")
	@ConditionalOnWebApplication
	@Conditional(OnLogbackCondition.class)
	static class RequestDebugConfiguration {

		@Bean(destroyMethod = "stop")
		@ConditionalOnMissingBean
		RequestDebugTurboFilter requestDebugTurboFilter(LevelProperties properties) {
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			RequestDebugTurboFilter filter = new RequestDebugTurboFilter(properties.getRequestDebug().getMarkerKey());
			filter.setContext(context);
			filter.start();
			context.addTurboFilter(filter);
			return filter;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@ConditionalOnClass(OncePerRequestFilter.class)
		static class ServletConfiguration {

			/**
			 * After the correlation filter, so that a request can be chosen by the correlation id it resolved.
			 */
			@Bean
			@ConditionalOnMissingFilterBean(RequestDebugFilter.class)
			FilterRegistrationBean<RequestDebugFilter> requestDebugFilter(LevelProperties properties,
					CorrelationProperties correlation, ObjectProvider<TraceIdSource> traceIds) {
				FilterRegistrationBean<RequestDebugFilter> registration = new FilterRegistrationBean<>(
						new RequestDebugFilter(properties.getRequestDebug()));
				registration.setOrder(CorrelationFilterOrder
					.after(CorrelationFilterOrder.servlet(correlation, traceIds.getIfAvailable() != null)));
				return registration;
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.REACTIVE)
		@ConditionalOnClass({ WebFilter.class, Hooks.class })
		static class ReactiveConfiguration {

			/**
			 * Registered globally because Reactor reads accessors from the shared {@link ContextRegistry}; the same
			 * key replaces an earlier registration.
			 */
			@Bean
			@ConditionalOnMissingBean
			RequestDebugAccessor requestDebugAccessor(LevelProperties properties) {
				RequestDebugAccessor accessor = new RequestDebugAccessor(properties.getRequestDebug().getMarkerKey());
				ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
				return accessor;
			}

			/**
			 * After the correlation filter, so that a request can be chosen by the correlation id it resolved.
			 * Without automatic propagation the mark in the Reactor context never reaches the MDC of the threads
			 * that run the operators; the call is idempotent.
			 */
			@Bean
			@ConditionalOnMissingBean
			RequestDebugWebFilter requestDebugWebFilter(LevelProperties properties, CorrelationProperties correlation,
					RequestDebugAccessor accessor) {
				Hooks.enableAutomaticContextPropagation();
				return new RequestDebugWebFilter(properties.getRequestDebug(),
						CorrelationFilterOrder.after(correlation.getFilterOrder()));
			}

		}

	}

}
