package io.github.structuredlogging.propagation;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.exchange.ExchangeAutoConfiguration;
import io.github.structuredlogging.exchange.OutboundExchangeFilterFunction;
import io.github.structuredlogging.exchange.OutboundExchangeInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class PropagationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class,
				PropagationAutoConfiguration.class, ExchangeAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void everyBuilderBootHandsOutCarriesPropagationAndExchangeLoggingOnce() {
		this.runner.run((context) -> {
			assertThat(interceptors(context.getBean(RestClient.Builder.class))).hasExactlyElementsOfTypes(
					ContextPropagatingInterceptor.class, OutboundExchangeInterceptor.class);
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
				.hasExactlyElementsOfTypes(ContextPropagatingInterceptor.class, OutboundExchangeInterceptor.class);
			assertThat(filters(context.getBean(WebClient.Builder.class))).hasExactlyElementsOfTypes(
					ContextPropagatingExchangeFilter.class, OutboundExchangeFilterFunction.class);
		});
	}

	@Test
	void buildersTheApplicationDefinesItselfAreInstrumentedToo() {
		this.runner.withUserConfiguration(OwnBuilders.class).run((context) -> {
			assertThat(interceptors(context.getBean("ownRestClientBuilder", RestClient.Builder.class)))
				.hasExactlyElementsOfTypes(ContextPropagatingInterceptor.class, OutboundExchangeInterceptor.class);
			assertThat(filters(context.getBean("ownWebClientBuilder", WebClient.Builder.class)))
				.hasExactlyElementsOfTypes(ContextPropagatingExchangeFilter.class,
						OutboundExchangeFilterFunction.class);
			assertThat(context.getBean("ownRestTemplateBuilder", RestTemplateBuilder.class).build().getInterceptors())
				.hasExactlyElementsOfTypes(ContextPropagatingInterceptor.class, OutboundExchangeInterceptor.class);
		});
	}

	@Test
	void propagationCanBeSwitchedOffWithoutLosingExchangeLines() {
		this.runner.withPropertyValues("structured-logging.propagation.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OutgoingHeaders.class);
			assertThat(interceptors(context.getBean(RestClient.Builder.class)))
				.hasExactlyElementsOfTypes(OutboundExchangeInterceptor.class);
		});
	}

	@Test
	void outboundExchangeLinesCanBeSwitchedOff() {
		this.runner.withPropertyValues("structured-logging.exchange.outbound=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OutboundExchangeInterceptor.class);
			assertThat(filters(context.getBean(WebClient.Builder.class)))
				.hasExactlyElementsOfTypes(ContextPropagatingExchangeFilter.class);
		});
	}

	@Test
	void backsOffFromTheApplicationsOwnHeaderPolicy() {
		this.runner.withBean(OutgoingHeaders.class, () -> new OutgoingHeaders(new PropagationProperties(), "X-Mine"))
			.run((context) -> assertThat(context.getBean(OutgoingHeaders.class)).isSameAs(context.getBean("outgoingHeaders")));
	}

	private static List<ClientHttpRequestInterceptor> interceptors(RestClient.Builder builder) {
		List<ClientHttpRequestInterceptor> seen = new ArrayList<>();
		builder.requestInterceptors(seen::addAll);
		return seen;
	}

	private static List<ExchangeFilterFunction> filters(WebClient.Builder builder) {
		List<ExchangeFilterFunction> seen = new ArrayList<>();
		builder.filters(seen::addAll);
		return seen;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBuilders {

		@Bean
		RestClient.Builder ownRestClientBuilder() {
			return RestClient.builder();
		}

		@Bean
		WebClient.Builder ownWebClientBuilder() {
			return WebClient.builder();
		}

		@Bean
		RestTemplateBuilder ownRestTemplateBuilder() {
			return new RestTemplateBuilder();
		}

	}

}
