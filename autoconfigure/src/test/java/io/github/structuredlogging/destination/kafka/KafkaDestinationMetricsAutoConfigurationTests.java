package io.github.structuredlogging.destination.kafka;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaDestinationMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaDestinationMetricsAutoConfiguration.class));

	@Test
	void bindsTheProducersMetricsWhenThereIsAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(KafkaDestinationMetrics.class));
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(KafkaDestinationMetrics.class));
	}

	@Test
	void backsOffWithoutTheKafkaClient() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withClassLoader(new FilteredClassLoader("org.apache.kafka"))
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaDestinationMetrics.class));
	}

	@Test
	void backsOffWhenThePipelineIsOff() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("structured-logging.async.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaDestinationMetrics.class));
	}

	@Test
	void allowsItsBinderToBeReplaced() {
		KafkaDestinationMetrics own = new KafkaDestinationMetrics(new LoggerContext());
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(KafkaDestinationMetrics.class, () -> own)
			.run((context) -> assertThat(context).getBean(KafkaDestinationMetrics.class).isSameAs(own));
	}

}
