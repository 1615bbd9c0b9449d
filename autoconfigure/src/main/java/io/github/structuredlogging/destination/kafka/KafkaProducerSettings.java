package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Turns a Kafka destination's settings into the producer's configuration, refusing combinations the producer would
 * only refuse later, or not at all, with the property to change named.
 */
final class KafkaProducerSettings {

	/** Producer properties that have a setting of their own, by the name of that setting. */
	private static final Map<String, String> DEDICATED = dedicated();

	/** Producer properties the destination decides alone. */
	private static final Map<String, String> FIXED = Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
			"records are the bytes the destination's format wrote", ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
			"records are the bytes the destination's format wrote", ProducerConfig.TRANSACTIONAL_ID_CONFIG,
			"the destination does not write in transactions");

	private static final Set<String> ACKS_ALL = Set.of("all", "-1");

	/**
	 * How much sooner than the pipeline the producer gives up on a record. The pipeline sends again what is not
	 * reported within its delivery timeout; the producer must have reported by then, or a record it still holds
	 * would be sent twice.
	 */
	static final Duration REPORT_MARGIN = Duration.ofSeconds(1);

	private KafkaProducerSettings() {
	}

	/**
	 * The producer's configuration.
	 * @param properties the destination's settings
	 * @param destinationName the destination's name, for the default client id
	 * @param prefix the settings' property prefix, to name a property in a refusal
	 * @param deliveryTimeout how long the pipeline waits for a record's report before sending it again
	 * @param deliveryTimeoutProperty the property that sets it
	 * @return the configuration, without serializers
	 * @throws InvalidConfigurationPropertyException if the settings contradict each other
	 */
	static Map<String, Object> of(KafkaDestinationProperties properties, String destinationName, String prefix,
			Duration deliveryTimeout, String deliveryTimeoutProperty) {
		if (properties.isIdempotence() && !ACKS_ALL.contains(properties.getAcks())) {
			throw new InvalidConfigurationPropertyException(prefix + ".acks", properties.getAcks(),
					"be all while " + prefix + ".idempotence is true (turn idempotence off to use acks 0 or 1)");
		}
		long producerDeliveryMillis = deliveryTimeout.minus(REPORT_MARGIN).toMillis();
		long neededMillis = properties.getRequestTimeout().toMillis() + properties.getLinger().toMillis();
		if (producerDeliveryMillis < neededMillis) {
			throw new InvalidConfigurationPropertyException(deliveryTimeoutProperty, deliveryTimeout,
					"be at least " + prefix + ".request-timeout plus linger plus " + REPORT_MARGIN.toMillis() + "ms ("
							+ (neededMillis + REPORT_MARGIN.toMillis())
							+ "ms): the producer must get one request in before it reports a record failed");
		}
		properties.getProducer().forEach((name, value) -> {
			if (ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG.equals(name)) {
				throw new InvalidConfigurationPropertyException(prefix + ".producer." + name, value,
						"not be set: the producer's delivery timeout follows " + deliveryTimeoutProperty);
			}
			if (DEDICATED.containsKey(name)) {
				throw new InvalidConfigurationPropertyException(prefix + ".producer." + name, value,
						"be set through " + prefix + "." + DEDICATED.get(name) + " instead");
			}
			if (FIXED.containsKey(name)) {
				throw new InvalidConfigurationPropertyException(prefix + ".producer." + name, value,
						"not be set: " + FIXED.get(name));
			}
		});
		Map<String, Object> config = new LinkedHashMap<>(properties.getProducer());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", properties.getBootstrapServers()));
		config.put(ProducerConfig.CLIENT_ID_CONFIG,
				(properties.getClientId() != null) ? properties.getClientId() : "structured-logging-" + destinationName);
		config.put(ProducerConfig.ACKS_CONFIG, properties.getAcks());
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, properties.isIdempotence());
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.getCompression().clientValue());
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.toIntExact(properties.getBatchSize().toBytes()));
		config.put(ProducerConfig.LINGER_MS_CONFIG, Math.toIntExact(properties.getLinger().toMillis()));
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, properties.getBufferMemory().toBytes());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.getMaxBlock().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(producerDeliveryMillis));
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(properties.getRequestTimeout().toMillis()));
		return config;
	}

	private static Map<String, String> dedicated() {
		Map<String, String> dedicated = new HashMap<>();
		dedicated.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "bootstrap-servers");
		dedicated.put(ProducerConfig.CLIENT_ID_CONFIG, "client-id");
		dedicated.put(ProducerConfig.ACKS_CONFIG, "acks");
		dedicated.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "idempotence");
		dedicated.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "compression");
		dedicated.put(ProducerConfig.BATCH_SIZE_CONFIG, "batch-size");
		dedicated.put(ProducerConfig.LINGER_MS_CONFIG, "linger");
		dedicated.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "buffer-memory");
		dedicated.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "max-block");
		dedicated.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "request-timeout");
		return Map.copyOf(dedicated);
	}

}
