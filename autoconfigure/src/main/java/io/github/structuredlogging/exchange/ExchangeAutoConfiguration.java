package io.github.structuredlogging.exchange;

import io.github.structuredlogging.client.RestClientInstrumentation;
import io.github.structuredlogging.client.WebClientInstrumentation;
import io.github.structuredlogging.correlation.CorrelationFilterOrder;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.TraceIdSource;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.propagation.PropagationAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the one line per HTTP exchange: a filter for the web stack in use, and instrumentation of
 * the HTTP clients Spring hands out.
 */
@AutoConfiguration(after = PropagationAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = ExchangeProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ExchangeProperties.class, MaskingProperties.class, CorrelationProperties.class })
public final class ExchangeAutoConfiguration {

	static final String REST_CLIENT_INSTRUMENTATION = "exchangeLoggingRestClientInstrumentation";

	static final String WEB_CLIENT_INSTRUMENTATION = "exchangeLoggingWebClientInstrumentation";

	@Bean
	@ConditionalOnMissingBean
	ExchangeLogger exchangeLogger(ExchangeProperties properties) {
		return new ExchangeLogger(properties.getLevels());
	}

	private static ExchangeHeaders headers(ExchangeProperties properties, MaskingProperties masking) {
		return properties.isIncludeHeaders() ? new ExchangeHeaders(masking.getFields(), masking.getReplacement())
				: null;
	}

	private static ExchangeBodies bodies(ExchangeProperties properties) {
		return properties.isIncludeBodies() ? new ExchangeBodies(properties.getMaxBodyBytes()) : null;
	}


	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBooleanProperty(prefix = ExchangeProperties.PREFIX, name = "inbound", matchIfMissing = true)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(InboundExchangeFilter.class)
		FilterRegistrationBean<InboundExchangeFilter> inboundExchangeFilter(ExchangeProperties properties,
				MaskingProperties masking, CorrelationProperties correlation, ObjectProvider<TraceIdSource> traceIds,
				ExchangeLogger logger) {
			InboundExchangeFilter filter = new InboundExchangeFilter(logger,
					new ExcludedPaths(properties.getExclude()), headers(properties, masking), bodies(properties));
			FilterRegistrationBean<InboundExchangeFilter> registration = new FilterRegistrationBean<>(filter);
			// Right after the correlation filter: the line is written inside the request context, and the time
			// measured covers every other filter.
			registration.setOrder(CorrelationFilterOrder
				.after(CorrelationFilterOrder.servlet(correlation, traceIds.getIfAvailable() != null)));
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	@ConditionalOnBooleanProperty(prefix = ExchangeProperties.PREFIX, name = "inbound", matchIfMissing = true)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InboundExchangeWebFilter inboundExchangeWebFilter(ExchangeProperties properties, MaskingProperties masking,
				CorrelationProperties correlation, ExchangeLogger logger) {
			return new InboundExchangeWebFilter(logger, new ExcludedPaths(properties.getExclude()),
					headers(properties, masking), bodies(properties),
					CorrelationFilterOrder.after(correlation.getFilterOrder()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	@ConditionalOnBooleanProperty(prefix = ExchangeProperties.PREFIX, name = "outbound", matchIfMissing = true)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboundExchangeInterceptor outboundExchangeInterceptor(ExchangeProperties properties,
				MaskingProperties masking, ExchangeLogger logger) {
			return new OutboundExchangeInterceptor(logger, headers(properties, masking), bodies(properties));
		}

		@Bean(REST_CLIENT_INSTRUMENTATION)
		@ConditionalOnMissingBean(name = REST_CLIENT_INSTRUMENTATION)
		static RestClientInstrumentation exchangeLoggingRestClientInstrumentation(
				ObjectProvider<OutboundExchangeInterceptor> interceptor) {
			return new RestClientInstrumentation(interceptor::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	@ConditionalOnBooleanProperty(prefix = ExchangeProperties.PREFIX, name = "outbound", matchIfMissing = true)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboundExchangeFilterFunction outboundExchangeFilterFunction(ExchangeProperties properties,
				MaskingProperties masking, ExchangeLogger logger) {
			return new OutboundExchangeFilterFunction(logger, headers(properties, masking));
		}

		@Bean(WEB_CLIENT_INSTRUMENTATION)
		@ConditionalOnMissingBean(name = WEB_CLIENT_INSTRUMENTATION)
		static WebClientInstrumentation exchangeLoggingWebClientInstrumentation(
				ObjectProvider<OutboundExchangeFilterFunction> filter) {
			return new WebClientInstrumentation(filter::getObject);
		}

	}

}
