package io.github.structuredlogging.propagation;

import io.github.structuredlogging.client.RestClientInstrumentation;
import io.github.structuredlogging.client.WebClientInstrumentation;
import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.correlation.CorrelationProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration that carries the request context on outgoing HTTP calls made through the clients Spring
 * hands out: {@code RestClient}, {@code RestTemplate} and {@code WebClient}.
 */
@AutoConfiguration(after = CorrelationAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = CorrelationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = PropagationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PropagationProperties.class, CorrelationProperties.class })
public final class PropagationAutoConfiguration {

	static final String REST_CLIENT_INSTRUMENTATION = "contextPropagationRestClientInstrumentation";

	static final String WEB_CLIENT_INSTRUMENTATION = "contextPropagationWebClientInstrumentation";

	@Bean
	@ConditionalOnMissingBean
	OutgoingHeaders outgoingHeaders(PropagationProperties properties, CorrelationProperties correlation) {
		return new OutgoingHeaders(properties, correlation.getHeaderName());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ContextPropagatingInterceptor contextPropagatingInterceptor(OutgoingHeaders headers,
				CorrelationProperties correlation) {
			return new ContextPropagatingInterceptor(headers, correlation.getCorrelationIdKey());
		}

		@Bean(REST_CLIENT_INSTRUMENTATION)
		@ConditionalOnMissingBean(name = REST_CLIENT_INSTRUMENTATION)
		static RestClientInstrumentation contextPropagationRestClientInstrumentation(
				ObjectProvider<ContextPropagatingInterceptor> interceptor) {
			return new RestClientInstrumentation(interceptor::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ContextPropagatingExchangeFilter contextPropagatingExchangeFilter(OutgoingHeaders headers,
				CorrelationProperties correlation) {
			return new ContextPropagatingExchangeFilter(headers, correlation.getCorrelationIdKey());
		}

		@Bean(WEB_CLIENT_INSTRUMENTATION)
		@ConditionalOnMissingBean(name = WEB_CLIENT_INSTRUMENTATION)
		static WebClientInstrumentation contextPropagationWebClientInstrumentation(
				ObjectProvider<ContextPropagatingExchangeFilter> filter) {
			return new WebClientInstrumentation(filter::getObject);
		}

	}

}
