package io.github.structuredlogging.propagation.kafka;

import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.RequestContextResolver;
import io.github.structuredlogging.propagation.OutgoingHeaders;
import io.github.structuredlogging.propagation.PropagationAutoConfiguration;
import io.github.structuredlogging.propagation.PropagationProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration that carries the request context on Kafka records sent through Boot's producer factory and
 * restores it around each record a {@code @KafkaListener} handles. Backs off when the application excludes the
 * correlation auto-configuration it builds on, rather than failing its start-up.
 */
@AutoConfiguration(after = { CorrelationAutoConfiguration.class, PropagationAutoConfiguration.class })
@ConditionalOnClass({ KafkaTemplate.class, DefaultKafkaProducerFactoryCustomizer.class })
@ConditionalOnBooleanProperty(prefix = CorrelationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = PropagationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = KafkaPropagationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnBean(RequestContextResolver.class)
@EnableConfigurationProperties({ KafkaPropagationProperties.class, CorrelationProperties.class })
public final class KafkaPropagationAutoConfiguration {

	static final String LISTENER_INSTRUMENTATION = "contextPropagationKafkaListenerInstrumentation";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OutgoingHeaders.class)
	RecordContextHeaders recordContextHeaders(OutgoingHeaders headers, CorrelationProperties correlation,
			KafkaPropagationProperties properties) {
		return new RecordContextHeaders(headers, correlation.getCorrelationIdKey(), properties.getAllowedTopics());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RecordContextHeaders.class)
	ContextPropagatingProducerFactoryCustomizer contextPropagatingProducerFactoryCustomizer(
			RecordContextHeaders headers) {
		return new ContextPropagatingProducerFactoryCustomizer(headers);
	}

	@Bean(LISTENER_INSTRUMENTATION)
	@ConditionalOnMissingBean(name = LISTENER_INSTRUMENTATION)
	static KafkaListenerInstrumentation contextPropagationKafkaListenerInstrumentation(
			ObjectProvider<RequestContextResolver> resolver) {
		return new KafkaListenerInstrumentation(() -> new ContextRestoringRecordInterceptor(resolver.getObject()));
	}

}
