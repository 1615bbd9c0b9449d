package io.github.structuredlogging.async;

import java.io.OutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LogPipelineAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsyncAutoConfiguration.class,
				LogPipelineMetricsAutoConfiguration.class, LogPipelineEndpointAutoConfiguration.class,
				LogPipelineHealthAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=logpipeline")
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void providesMetricsEndpointAndHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AsyncProperties.class)
			.hasSingleBean(LogPipelineMetrics.class)
			.hasSingleBean(LogPipelineEndpoint.class)
			.hasSingleBean(LogPipelineHealthIndicator.class));
	}

	@Test
	void bindsTheMetersOfThePipelineFoundInTheLoggerContext() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger logger = loggerContext.getLogger("test.autoconfiguration");
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(loggerContext);
		pipeline.setName("TEST_PIPELINE");
		pipeline.setQueueSize(256);
		pipeline.addAppender(PipelineTestSupport.output(loggerContext, "NULL", OutputStream.nullOutputStream()));
		pipeline.start();
		logger.addAppender(pipeline);
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class)).run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("logging.async.queue.capacity").tag("appender", "TEST_PIPELINE").gauge()
					.value()).isEqualTo(256);
				assertThat(context.getBean(LogPipelineEndpoint.class).pipelines().pipelines())
					.containsKey("TEST_PIPELINE");
			});
		}
		finally {
			logger.detachAppender(pipeline);
			pipeline.stop();
		}
	}

	@Test
	void backsOffFromTheUsersOwnBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context).getBean(LogPipelineMetrics.class)
				.isSameAs(context.getBean(UserBeans.class).metrics));
		this.contextRunner.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context).getBean(LogPipelineEndpoint.class)
				.isSameAs(context.getBean(UserBeans.class).endpoint));
		LogPipelineHealthIndicator health = new LogPipelineHealthIndicator(new LoggerContext(),
				new AsyncProperties.Health());
		this.contextRunner.withBean("logPipelineHealthIndicator", LogPipelineHealthIndicator.class, () -> health)
			.run((context) -> assertThat(context).getBean(LogPipelineHealthIndicator.class).isSameAs(health));
	}

	@Test
	void providesNothingWhenThePipelineIsDisabled() {
		this.contextRunner.withPropertyValues("structured-logging.async.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogPipelineMetrics.class)
				.doesNotHaveBean(LogPipelineEndpoint.class)
				.doesNotHaveBean(LogPipelineHealthIndicator.class));
	}

	@Test
	void bindsNoMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AsyncAutoConfiguration.class,
					LogPipelineMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogPipelineMetrics.class));
	}

	@Test
	void leavesTheEndpointOutUnlessExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AsyncAutoConfiguration.class,
					LogPipelineEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogPipelineEndpoint.class));
	}

	@Test
	void leavesTheHealthIndicatorOutWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.logpipeline.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogPipelineHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		final LogPipelineMetrics metrics = new LogPipelineMetrics(new LoggerContext());

		final LogPipelineEndpoint endpoint = new LogPipelineEndpoint(new LoggerContext());

		@Bean
		LogPipelineMetrics customMetrics() {
			return this.metrics;
		}

		@Bean
		LogPipelineEndpoint customEndpoint() {
			return this.endpoint;
		}

	}

}
