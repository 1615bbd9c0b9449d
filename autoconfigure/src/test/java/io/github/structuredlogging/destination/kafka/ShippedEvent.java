package io.github.structuredlogging.destination.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as a consumer read it back from Kafka: its sequence number and level from the JSON value, and the
 * record key.
 *
 * @param seq the event's sequence number
 * @param level the event's level
 * @param correlationId the correlation id in the JSON, or {@code null}
 * @param key the record key, or {@code null}
 */
record ShippedEvent(int seq, String level, String correlationId, String key) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	static List<ShippedEvent> of(List<ConsumerRecord<byte[], byte[]>> records) {
		return records.stream()
			.map((record) -> parse(record))
			.filter((event) -> event != null)
			.toList();
	}

	private static ShippedEvent parse(ConsumerRecord<byte[], byte[]> record) {
		JsonNode json = MAPPER.readTree(record.value());
		JsonNode seq = json.get("seq");
		if (seq == null) {
			return null;
		}
		JsonNode correlationId = json.get("correlation_id");
		return new ShippedEvent(seq.asInt(), json.get("level").asString(),
				(correlationId != null) ? correlationId.asString() : null,
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null);
	}

}
