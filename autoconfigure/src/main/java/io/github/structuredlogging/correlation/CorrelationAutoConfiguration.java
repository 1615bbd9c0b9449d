package io.github.structuredlogging.correlation;

import io.micrometer.context.ContextRegistry;
import io.micrometer.tracing.Tracer;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration that gives every log event the context of the request being handled: a filter for the web
 * stack in use, and the propagation of that context to {@code @Async} methods, task executors and Reactor chains.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnBooleanProperty(prefix = CorrelationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CorrelationProperties.class)
public final class CorrelationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorrelationIdGenerator correlationIdGenerator() {
		return CorrelationIdGenerator.randomUuid();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestContextResolver requestContextResolver(CorrelationProperties properties, CorrelationIdGenerator generator,
			ObjectProvider<TraceIdSource> traceIds) {
		return new RequestContextResolver(properties, generator, traceIds.getIfAvailable(() -> TraceIdSource.NONE));
	}

	/**
	 * Spring Boot composes every {@code TaskDecorator} bean into its auto-configured task executor, so this one
	 * works beside the application's own decorators.
	 */
	@Bean
	@ConditionalOnMissingBean
	MdcTaskDecorator mdcTaskDecorator() {
		return new MdcTaskDecorator();
	}

	/**
	 * Registered globally because Micrometer context-propagation (and Reactor with it) reads accessors from the
	 * shared {@link ContextRegistry}; the same key replaces an earlier registration.
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestContextAccessor requestContextAccessor(RequestContextResolver resolver) {
		RequestContextAccessor accessor = new RequestContextAccessor(resolver.keys());
		ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
		return accessor;
	}

	private static String responseHeader(CorrelationProperties properties) {
		return properties.isEchoHeader() ? properties.getHeaderName() : null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnBean(Tracer.class)
		@ConditionalOnMissingBean
		TraceIdSource micrometerTraceIdSource(Tracer tracer) {
			return new MicrometerTraceIdSource(tracer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(CorrelationServletFilter.class)
		FilterRegistrationBean<CorrelationServletFilter> correlationServletFilter(CorrelationProperties properties,
				RequestContextResolver resolver, ObjectProvider<TraceIdSource> traceIds) {
			FilterRegistrationBean<CorrelationServletFilter> registration = new FilterRegistrationBean<>(
					new CorrelationServletFilter(resolver, responseHeader(properties)));
			registration.setOrder(CorrelationFilterOrder.servlet(properties, traceIds.getIfAvailable() != null));
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ WebFilter.class, Hooks.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorrelationWebFilter correlationWebFilter(CorrelationProperties properties, RequestContextResolver resolver,
				RequestContextAccessor accessor) {
			// Without automatic propagation the Reactor context never reaches the MDC of the threads that run the
			// operators; the call is idempotent, so an application that enabled it too is not affected.
			Hooks.enableAutomaticContextPropagation();
			return new CorrelationWebFilter(resolver, responseHeader(properties), properties.getFilterOrder());
		}

	}

}
