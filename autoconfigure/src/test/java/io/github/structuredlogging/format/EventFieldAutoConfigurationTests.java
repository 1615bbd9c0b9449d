package io.github.structuredlogging.format;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link EventFieldAutoConfiguration} hands contributor beans to the outputs, and takes them back.
 */
class EventFieldAutoConfigurationTests {

	private static final LogEventFieldContributor REGION = LogEventFieldContributor.fixed("region", "eu-west-1");

	private static final LogEventFieldContributor POD = LogEventFieldContributor.fixed("pod", "pod-7");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventFieldAutoConfiguration.class));

	@Test
	void registersTheContributorBeansInTheirOrderAndRemovesThemOnClose() {
		this.runner.withUserConfiguration(OrderedContributors.class).run((context) -> {
			assertThat(context).hasSingleBean(EventFieldContributorRegistration.class);
			assertThat(contributions().getContributors()).containsExactly(REGION, POD);
			context.close();
			assertThat(contributions().getContributors()).isEmpty();
		});
	}

	@Test
	void registersNothingWithoutContributorBeans() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(EventFieldContributorRegistration.class);
			assertThat(contributions().getContributors()).isEmpty();
		});
	}

	@Test
	void backsOffFromARegistrationOfTheApplicationsOwn() {
		this.runner.withUserConfiguration(OrderedContributors.class)
			.withBean("ownRegistration", EventFieldContributorRegistration.class,
					() -> new EventFieldContributorRegistration(
							new StaticListableBeanFactory().getBeanProvider(LogEventFieldContributor.class)))
			.run((context) -> {
				assertThat(context).hasSingleBean(EventFieldContributorRegistration.class);
				assertThat(context).hasBean("ownRegistration");
				assertThat(contributions().getContributors()).isEmpty();
			});
	}

	private static EventFieldContributions contributions() {
		return EventFieldContributions.of((LoggerContext) LoggerFactory.getILoggerFactory());
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedContributors {

		@Bean
		@Order(2)
		LogEventFieldContributor pod() {
			return POD;
		}

		@Bean
		@Order(1)
		LogEventFieldContributor region() {
			return REGION;
		}

	}

}
