package io.github.structuredlogging.correlation;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationAutoConfigurationTests {

	private final AutoConfigurations autoConfiguration = AutoConfigurations.of(CorrelationAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(this.autoConfiguration);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(this.autoConfiguration);

	@Test
	void registersTheServletFilterFirstInAServletApplication() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(FilterRegistrationBean.class).doesNotHaveBean(CorrelationWebFilter.class);
			assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
			assertThat(context.getBean(FilterRegistrationBean.class).getFilter())
				.isInstanceOf(CorrelationServletFilter.class);
		});
	}

	@Test
	void registersTheWebFilterInAReactiveApplication() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(CorrelationWebFilter.class)
			.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void registersNoFilterOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(this.autoConfiguration)
			.run((context) -> assertThat(context).hasSingleBean(MdcTaskDecorator.class)
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(CorrelationWebFilter.class));
	}

	@Test
	void honoursAConfiguredFilterOrder() {
		this.servlet.withPropertyValues("structured-logging.correlation.filter-order=5")
			.run((context) -> assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(5));
	}

	@Test
	void backsOffEntirelyWhenDisabled() {
		this.servlet.withPropertyValues("structured-logging.correlation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RequestContextResolver.class)
				.doesNotHaveBean(MdcTaskDecorator.class));
	}

	@Test
	void allowsCustomIdGeneratorToBeUsed() {
		this.servlet.withUserConfiguration(CustomGeneratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CorrelationIdGenerator.class);
			assertThat(context.getBean(RequestContextResolver.class).resolve((header) -> null).correlationId())
				.isEqualTo("custom");
		});
	}

	@Test
	void allowsCustomResolverAndFiltersToBeUsed() {
		this.reactive.withUserConfiguration(CustomFilterConfiguration.class)
			.run((context) -> assertThat(context.getBean(CorrelationWebFilter.class).getOrder()).isEqualTo(42));
	}

	@Test
	void allowsCustomServletFilterToBeUsed() {
		this.servlet.withUserConfiguration(CustomServletFilterConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(CorrelationServletFilter.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomGeneratorConfiguration {

		@Bean
		CorrelationIdGenerator customGenerator() {
			return () -> "custom";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomFilterConfiguration {

		@Bean
		CorrelationWebFilter customWebFilter(RequestContextResolver resolver) {
			return new CorrelationWebFilter(resolver, null, 42);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomServletFilterConfiguration {

		@Bean
		CorrelationServletFilter customServletFilter(RequestContextResolver resolver) {
			return new CorrelationServletFilter(resolver, null);
		}

	}

}
