package io.github.structuredlogging.errors;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTrackingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ErrorTrackingAutoConfiguration.class, ErrorTrackingMetricsAutoConfiguration.class));

	@Test
	void tracksErrorsThroughAnAppenderOnTheRootLogger() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorTracker.class)
				.hasSingleBean(ErrorTrackingAppender.class)
				.hasSingleBean(ErrorTrackingHealthIndicator.class)
				.doesNotHaveBean(ErrorMetrics.class);
			assertThat(rootLogger().getAppender(ErrorTrackingAppender.NAME)).isNotNull();
		});
		assertThat(rootLogger().getAppender(ErrorTrackingAppender.NAME)).isNull();
	}

	@Test
	void countsErrorsWhenAMeterRegistryIsPresent() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(ErrorMetrics.class));
	}

	@Test
	void usesTheApplicationsClock() {
		this.contextRunner.withUserConfiguration(ClockConfiguration.class)
			.withPropertyValues("structured-logging.errors.alert.threshold=1")
			.run((context) -> {
				context.getBean(ErrorTracker.class).record("java.io.IOException", "test");
				assertThat(context.getBean(ErrorTracker.class).activeAlerts()).singleElement()
					.satisfies((alert) -> assertThat(alert.raisedAt()).isEqualTo(ClockConfiguration.CLOCK.instant()));
			});
	}

	@Test
	void backsOffFromAUsersTracker() {
		this.contextRunner.withUserConfiguration(CustomTrackerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorTracker.class);
			assertThat(context.getBean(ErrorTracker.class)).isSameAs(context.getBean("customTracker"));
		});
	}

	@Test
	void isDisabledByProperty() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("structured-logging.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorTracker.class)
				.doesNotHaveBean(ErrorTrackingAppender.class)
				.doesNotHaveBean(ErrorMetrics.class));
	}

	@Test
	void leavesTheHealthIndicatorOutWhenItIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.errors.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ErrorTracker.class)
				.doesNotHaveBean(ErrorTrackingHealthIndicator.class));
	}

	@Test
	void worksWithoutSpringBootHealthOrMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(ErrorTracker.class)
				.hasSingleBean(ErrorTrackingAppender.class)
				.doesNotHaveBean(ErrorTrackingHealthIndicator.class)
				.doesNotHaveBean(ErrorMetrics.class));
	}

	@Test
	void boundsTheValuesOfEachTag() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ErrorTracker tracker = new ErrorTracker(new ErrorTrackingProperties.Alert(), Clock.systemUTC(), (event) -> {
		});
		try (ErrorMetrics metrics = new ErrorMetrics(tracker, 2, 1)) {
			metrics.bindTo(registry);
			tracker.record("a.FirstException", "first.Logger");
			tracker.record("b.SecondException", "second.Logger");
			tracker.record("c.ThirdException", "first.Logger");
			tracker.record("a.FirstException", "first.Logger");
		}
		assertThat(registry.get(ErrorMetrics.METER).tags("exception", "a.FirstException", "logger", "first.Logger")
			.counter()
			.count()).isEqualTo(2);
		assertThat(registry.get(ErrorMetrics.METER).tags("exception", "b.SecondException", "logger", "other")
			.counter()
			.count()).isEqualTo(1);
		assertThat(registry.get(ErrorMetrics.METER).tags("exception", "other", "logger", "first.Logger")
			.counter()
			.count()).isEqualTo(1);
		assertThat(registry.find(ErrorMetrics.METER).counters()).hasSize(3);
		tracker.record("a.FirstException", "first.Logger");
		assertThat(registry.get(ErrorMetrics.METER).tags("exception", "a.FirstException", "logger", "first.Logger")
			.counter()
			.count()).as("no longer counted once closed").isEqualTo(2);
	}

	private static ch.qos.logback.classic.Logger rootLogger() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2030-01-01T00:00:00Z"),
				java.time.ZoneOffset.UTC);

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTrackerConfiguration {

		@Bean
		ErrorTracker customTracker() {
			return new ErrorTracker(new ErrorTrackingProperties.Alert(), Clock.systemUTC(), (event) -> {
			});
		}

	}

}
