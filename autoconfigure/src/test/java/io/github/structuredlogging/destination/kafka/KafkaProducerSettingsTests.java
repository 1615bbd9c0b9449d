package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.Map;

import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;
import io.github.structuredlogging.validation.ValidatedProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class KafkaProducerSettingsTests {

	private static final String PREFIX = "structured-logging.destinations.fleet.kafka";

	private static final String DELIVERY_TIMEOUT_PROPERTY = "structured-logging.destinations.fleet.retry.delivery-timeout";

	@Test
	void defaultsAreIdempotentAcksAllLz4AndNeverBlock() {
		Map<String, Object> config = settings(Map.of());
		assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
			.containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "structured-logging-fleet")
			.containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
			.containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 65536)
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
			.containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 29000)
			.containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000)
			.doesNotContainKeys(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
	}

	@Test
	void everySettingReachesTheProducer() {
		Map<String, Object> config = settings(Map.of("bootstrap-servers", "a:9092,b:9093", "client-id", "orders",
				"acks", "1", "idempotence", "false", "compression", "zstd", "batch-size", "1MB", "linger", "20ms",
				"buffer-memory", "4MB", "max-block", "250ms", "request-timeout", "3s"));
		assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "a:9092,b:9093")
			.containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "orders")
			.containsEntry(ProducerConfig.ACKS_CONFIG, "1")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)
			.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
			.containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024)
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
			.containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 250L)
			.containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
	}

	@Test
	void passesTlsAndSaslSettingsThroughAsTheyAre() {
		String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";";
		Map<String, Object> config = settings(Map.of("producer.[security.protocol]", "SASL_SSL",
				"producer.[sasl.mechanism]", "PLAIN", "producer.[sasl.jaas.config]", jaas,
				"producer.[ssl.truststore.location]", "/etc/kafka/truststore.p12", "producer.[retry.backoff.ms]", "250"));
		assertThat(config).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "PLAIN")
			.containsEntry("sasl.jaas.config", jaas)
			.containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
			.containsEntry("retry.backoff.ms", "250");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1" })
	void refusesAcksBelowAllWhileIdempotent(String acks) {
		assertThatExceptionOfType(InvalidConfigurationPropertyException.class)
			.isThrownBy(() -> settings(Map.of("acks", acks)))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(PREFIX + ".acks"))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo(acks));
		assertThatNoException().isThrownBy(() -> settings(Map.of("acks", acks, "idempotence", "false")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "acks", "enable.idempotence", "bootstrap.servers", "max.block.ms", "buffer.memory",
			"compression.type", "batch.size", "linger.ms", "request.timeout.ms", "client.id" })
	void refusesAPassedThroughPropertyThatHasASettingOfItsOwn(String name) {
		assertThatExceptionOfType(InvalidConfigurationPropertyException.class)
			.isThrownBy(() -> settings(Map.of("producer.[" + name + "]", "1")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(PREFIX + ".producer." + name))
			.withMessageContaining(" instead");
	}

	@ParameterizedTest
	@ValueSource(strings = { "key.serializer", "value.serializer", "transactional.id", "delivery.timeout.ms" })
	void refusesPassedThroughPropertiesTheDestinationDecides(String name) {
		assertThatExceptionOfType(InvalidConfigurationPropertyException.class)
			.isThrownBy(() -> settings(Map.of("producer.[" + name + "]", "x")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(PREFIX + ".producer." + name));
	}

	@ParameterizedTest
	@ValueSource(ints = { -2, -1 })
	void refusesADeliveryTimeoutThatLeavesTheProducerLessThanOneRequestAndTheLinger(int offset) {
		// request-timeout 1000ms + linger 100ms + the 1000ms margin = 2100ms
		Duration deliveryTimeout = Duration.ofMillis(2100 + offset);
		assertThatExceptionOfType(InvalidConfigurationPropertyException.class)
			.isThrownBy(() -> KafkaProducerSettings.of(bind(Map.of("request-timeout", "1000ms", "linger", "100ms")),
					"fleet", PREFIX, deliveryTimeout, DELIVERY_TIMEOUT_PROPERTY))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(DELIVERY_TIMEOUT_PROPERTY));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void givesTheProducerTheDeliveryTimeoutLessTheMargin(int offset) {
		Duration deliveryTimeout = Duration.ofMillis(2100 + offset);
		assertThat(KafkaProducerSettings.of(bind(Map.of("request-timeout", "1000ms", "linger", "100ms")), "fleet",
				PREFIX, deliveryTimeout, DELIVERY_TIMEOUT_PROPERTY))
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1100 + offset);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 999, 1000 })
	void acceptsAMaxBlockUpToOneSecond(int millis) {
		assertThat(bind(Map.of("max-block", millis + "ms")).getMaxBlock()).isEqualTo(Duration.ofMillis(millis));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1ms", "1001ms", "1002ms", "60s" })
	void refusesAMaxBlockThatWouldStallTheSender(String maxBlock) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("max-block", maxBlock)))
			.withMessageContaining(PREFIX)
			.withStackTraceContaining("property max-block")
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "ALL", "", "-2" })
	void refusesUnknownAcks(String acks) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("acks", acks)))
			.withMessageContaining(PREFIX);
	}

	@Test
	void refusesAnEmptyTopic() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("topic", " ")))
			.withMessageContaining(PREFIX);
	}

	private static Map<String, Object> settings(Map<String, String> settings) {
		return KafkaProducerSettings.of(bind(settings), "fleet", PREFIX, Duration.ofSeconds(30),
				DELIVERY_TIMEOUT_PROPERTY);
	}

	private static KafkaDestinationProperties bind(Map<String, String> settings) {
		Map<String, String> source = new java.util.HashMap<>();
		settings.forEach((name, value) -> source.put(PREFIX + "." + name, value));
		return ValidatedProperties.bind(new Binder(new MapConfigurationPropertySource(source)), PREFIX,
				KafkaDestinationProperties.class);
	}

}
