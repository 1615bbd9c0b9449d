package io.github.structuredlogging.identity;

import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.correlation.CorrelationFilterOrder;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
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
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration that writes the principal Spring Security authenticated on every line of a request, through
 * a filter placed right after Spring Security's own.
 */
@AutoConfiguration(after = CorrelationAutoConfiguration.class)
@ConditionalOnClass(Authentication.class)
@ConditionalOnBooleanProperty(prefix = IdentityProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdentityProperties.class)
public final class IdentityAutoConfiguration {

	/**
	 * Spring Security's order for its servlet filter chain ({@code spring.security.filter.order}) and for its WebFlux
	 * {@code WebFilterChainProxy}.
	 */
	static final int SECURITY_FILTER_ORDER = -100;

	@Bean
	@ConditionalOnMissingBean
	PrincipalNames principalNames(IdentityProperties properties) {
		return new PrincipalNames(properties.getPrincipalForm(), properties.getFingerprintKey());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(PrincipalServletFilter.class)
		FilterRegistrationBean<PrincipalServletFilter> principalServletFilter(PrincipalNames names,
				IdentityProperties properties, Environment environment) {
			FilterRegistrationBean<PrincipalServletFilter> registration = new FilterRegistrationBean<>(
					new PrincipalServletFilter(names, properties.getPrincipalKey()));
			registration.setOrder(CorrelationFilterOrder.after(
					environment.getProperty("spring.security.filter.order", Integer.class, SECURITY_FILTER_ORDER)));
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ WebFilter.class, Mono.class })
	static class ReactiveConfiguration {

		/**
		 * Registered globally because Reactor's automatic context propagation reads accessors from the shared
		 * {@link ContextRegistry}; the same key replaces an earlier registration.
		 */
		@Bean
		@ConditionalOnMissingBean
		PrincipalAccessor principalAccessor(IdentityProperties properties) {
			PrincipalAccessor accessor = new PrincipalAccessor(properties.getPrincipalKey());
			ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
			return accessor;
		}

		@Bean
		@ConditionalOnMissingBean
		PrincipalWebFilter principalWebFilter(PrincipalNames names, IdentityProperties properties,
				PrincipalAccessor accessor) {
			return new PrincipalWebFilter(names, properties.getPrincipalKey(),
					CorrelationFilterOrder.after(SECURITY_FILTER_ORDER));
		}

	}

}
