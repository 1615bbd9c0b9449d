package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker in KRaft mode inside the test JVM (Kafka's own test cluster: a combined broker and
 * controller node), started once per test class because it takes seconds. The broker can be stopped and started
 * again on the same port while its controller keeps running, which is what an outage looks like to a producer.
 */
public final class KraftBroker implements BeforeAllCallback, AfterAllCallback {

	private KafkaClusterTestKit cluster;

	/**
	 * Starts the broker, and prints how long that took so that the cost of a broker per class stays visible.
	 */
	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		long start = System.nanoTime();
		this.cluster = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
			// A single node holds the offsets of consumer groups: the default replication factor of 3 cannot be met.
			.setConfigProp("offsets.topic.replication.factor", "1")
			.setConfigProp("group.initial.rebalance.delay.ms", "0")
			.build();
		this.cluster.format();
		this.cluster.startup();
		this.cluster.waitForReadyBrokers();
		System.out.println("Embedded KRaft broker started in "
				+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.cluster.close();
	}

	public String bootstrapServers() {
		return this.cluster.bootstrapServers();
	}

	void createTopic(String topic, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
	}

	void stopBroker() {
		broker().shutdown();
		broker().awaitShutdown();
	}

	void startBroker() throws Exception {
		broker().startup();
		this.cluster.waitForReadyBrokers();
	}

	/**
	 * Reads the topic from its beginning until the expected number of records arrived or no record came for a
	 * while, so that more records than expected (duplicates) are seen too.
	 * @param topic the topic
	 * @param expected records expected at least
	 * @param quiet how long without a record ends the reading once the expected number is there
	 * @return every record read
	 */
	List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected, Duration quiet) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(expected);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			long lastRecord = System.nanoTime();
			while (System.nanoTime() - deadline < 0) {
				int before = records.size();
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				if (records.size() > before) {
					lastRecord = System.nanoTime();
				}
				else if (records.size() >= expected && System.nanoTime() - lastRecord > quiet.toNanos()) {
					break;
				}
			}
		}
		return records;
	}

	private BrokerServer broker() {
		return this.cluster.brokers().values().iterator().next();
	}

}
