package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.util.unit.DataSize;

/**
 * Settings of one Kafka destination. What the producer does with a record until the broker acknowledges it is
 * Kafka's (batching, compression, retries within the delivery timeout); what happens around that (the memory
 * buffer, spill and replay of WARN+, accounting) is the pipeline's, the same as for every destination.
 */
public class KafkaDestinationProperties {

	/** Longest {@link #setMaxBlock max-block}: the destination's sender must keep taking records from its buffer. */
	public static final Duration MAX_BLOCK_LIMIT = Duration.ofSeconds(1);

	/**
	 * Kafka brokers to connect to first, as host:port; the client discovers the others.
	 */
	@NotEmpty
	private List<@NotBlank String> bootstrapServers = new ArrayList<>(List.of("localhost:9092"));

	/**
	 * Topic the events are written to.
	 */
	@NotBlank
	private String topic = "logs";

	/**
	 * What the record key holds: correlation-id (one request's events in order), service-name (all of the service's
	 * events in order) or none (best batching).
	 */
	@NotNull
	private RecordKey key = RecordKey.CORRELATION_ID;

	/**
	 * Acknowledgements the producer waits for: "all" (every in-sync replica; required by idempotence), "1" (the
	 * partition leader only) or "0" (none: a record counts as delivered once sent).
	 */
	@NotNull
	@Pattern(regexp = "all|-1|0|1", message = "must be all, -1, 0 or 1")
	private String acks = "all";

	/**
	 * Whether the producer writes each record exactly once per partition even when it retries. Needs acks=all.
	 */
	private boolean idempotence = true;

	/**
	 * Compression of record batches: none, gzip, snappy, lz4 or zstd.
	 */
	@NotNull
	private KafkaCompression compression = KafkaCompression.LZ4;

	/**
	 * Most bytes of records the producer batches per partition before sending.
	 */
	@NotNull
	private DataSize batchSize = DataSize.ofKilobytes(64);

	/**
	 * How long the producer waits for more records before sending a batch that is not full.
	 */
	@NotNull
	private Duration linger = Duration.ofMillis(5);

	/**
	 * Memory the producer may use for records not yet acknowledged. When it is full, records stay in the
	 * destination's buffer (and WARN+ spill beyond it) rather than wait.
	 */
	@NotNull
	private DataSize bufferMemory = DataSize.ofMegabytes(32);

	/**
	 * Longest wait for topic metadata or room in the producer's memory when handing it a record, at most 1s; past
	 * it the record counts as failed and the destination's overflow policy applies. Zero never waits.
	 */
	@NotNull
	private Duration maxBlock = Duration.ZERO;

	/**
	 * How long the producer waits for the broker to answer one request. The producer retries a record until the
	 * destination's retry.delivery-timeout (less a second, so that it reports before the pipeline gives up on it).
	 */
	@NotNull
	private Duration requestTimeout = Duration.ofSeconds(10);

	/**
	 * Client id the brokers see in their logs and quotas. Defaults to "structured-logging-" and the destination's
	 * name.
	 */
	private String clientId;

	/**
	 * Further producer properties, passed to the Kafka client as they are: security.protocol, ssl.*, sasl.*,
	 * retry.backoff.ms, ... Those with a setting of their own above are refused here.
	 */
	@NotNull
	private Map<String, String> producer = new LinkedHashMap<>();

	public List<String> getBootstrapServers() {
		return this.bootstrapServers;
	}

	public void setBootstrapServers(List<String> bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public RecordKey getKey() {
		return this.key;
	}

	public void setKey(RecordKey key) {
		this.key = key;
	}

	public String getAcks() {
		return this.acks;
	}

	public void setAcks(String acks) {
		this.acks = acks;
	}

	public boolean isIdempotence() {
		return this.idempotence;
	}

	public void setIdempotence(boolean idempotence) {
		this.idempotence = idempotence;
	}

	public KafkaCompression getCompression() {
		return this.compression;
	}

	public void setCompression(KafkaCompression compression) {
		this.compression = compression;
	}

	public DataSize getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(DataSize batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getLinger() {
		return this.linger;
	}

	public void setLinger(Duration linger) {
		this.linger = linger;
	}

	public DataSize getBufferMemory() {
		return this.bufferMemory;
	}

	public void setBufferMemory(DataSize bufferMemory) {
		this.bufferMemory = bufferMemory;
	}

	public Duration getMaxBlock() {
		return this.maxBlock;
	}

	public void setMaxBlock(Duration maxBlock) {
		if (maxBlock != null && (maxBlock.isNegative() || maxBlock.compareTo(MAX_BLOCK_LIMIT) > 0)) {
			throw new IllegalArgumentException("must be between 0 and " + MAX_BLOCK_LIMIT.toMillis()
					+ "ms: the destination's sender must not wait on the broker");
		}
		this.maxBlock = maxBlock;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public Map<String, String> getProducer() {
		return this.producer;
	}

	public void setProducer(Map<String, String> producer) {
		this.producer = producer;
	}

}
