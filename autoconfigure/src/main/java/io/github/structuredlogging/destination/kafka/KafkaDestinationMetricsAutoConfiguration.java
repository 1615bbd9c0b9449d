package io.github.structuredlogging.destination.kafka;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.async.LogPipelineMetricsAutoConfiguration;
import io.github.structuredlogging.output.OnLogbackCondition;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The Kafka producers' own metrics, in their own auto-configuration: only with Micrometer, a meter registry and the
 * Kafka client on the class path, so that a Kafka destination works without any of them.
 */
@AutoConfiguration(after = LogPipelineMetricsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(value = { MeterRegistry.class, LoggerContext.class },
		name = { "org.apache.kafka.clients.producer.Producer",
				"io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics" })
@ConditionalOnBean(MeterRegistry.class)
@Conditional(OnLogbackCondition.class)
@ConditionalOnBooleanProperty(prefix = AsyncProperties.PREFIX, name = "enabled", matchIfMissing = true)
public final class KafkaDestinationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KafkaDestinationMetrics kafkaDestinationMetrics() {
		return new KafkaDestinationMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
	}

}
