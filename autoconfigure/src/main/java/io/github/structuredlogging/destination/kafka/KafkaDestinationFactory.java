package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.Map;

import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.destination.DestinationProperties;
import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.validation.ValidatedProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds a {@link KafkaDestination} and its producer from a destination's settings.
 */
public final class KafkaDestinationFactory {

	private KafkaDestinationFactory() {
	}

	/**
	 * Creates the destination of {@code structured-logging.destinations.<name>} with {@code type: kafka}.
	 * @param name the destination's name
	 * @param properties the destination's settings
	 * @param formatContext the service name, and the binder to read the correlation id's MDC key from
	 * @return the destination
	 * @throws io.github.structuredlogging.validation.InvalidConfigurationPropertyException if the settings
	 * contradict each other
	 */
	public static KafkaDestination create(String name, DestinationProperties properties,
			FormatContext formatContext) {
		String prefix = DestinationsProperties.PREFIX + ".destinations." + name;
		String correlationIdKey = ValidatedProperties
			.bind(formatContext.binder(), CorrelationProperties.PREFIX, CorrelationProperties.class)
			.getCorrelationIdKey();
		return create(name, properties.getKafka(), prefix + ".kafka", formatContext.serviceName(), correlationIdKey,
				properties.getRetry().getDeliveryTimeout(), prefix + ".retry.delivery-timeout");
	}

	/**
	 * Creates the destination. The producer connects lazily, so an unreachable broker does not hold up start-up:
	 * the first records then wait in the pipeline's buffer.
	 * @param name the destination's name
	 * @param properties its Kafka settings
	 * @param prefix the property prefix of those settings, to name one in a refusal
	 * @param serviceName the service name, for the service-name key
	 * @param correlationIdKey the MDC key of the correlation id, for the correlation-id key
	 * @param deliveryTimeout how long the pipeline waits for a record's report
	 * @param deliveryTimeoutProperty the property that sets it
	 * @return the destination
	 * @throws io.github.structuredlogging.validation.InvalidConfigurationPropertyException if the settings
	 * contradict each other
	 */
	static KafkaDestination create(String name, KafkaDestinationProperties properties, String prefix,
			String serviceName, String correlationIdKey, Duration deliveryTimeout, String deliveryTimeoutProperty) {
		Map<String, Object> config = KafkaProducerSettings.of(properties, name, prefix, deliveryTimeout,
				deliveryTimeoutProperty);
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer());
		return new KafkaDestination(producer, properties.getTopic(),
				properties.getKey().selector(correlationIdKey, serviceName));
	}

}
