package io.github.structuredlogging.destination.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * What a Kafka record's key holds. Kafka keeps the records of one key in one partition, in order, so the key
 * decides what a reader sees in order.
 */
public enum RecordKey {

	/**
	 * The event's correlation id: the events of one request stay in order. Events without one get no key.
	 */
	CORRELATION_ID,

	/**
	 * The service name: all events of the service in order, in one partition.
	 */
	SERVICE_NAME,

	/**
	 * No key: the producer fills one partition's batch at a time, which batches and compresses best.
	 */
	NONE;

	/**
	 * The function that gives the key of each event.
	 * @param correlationIdKey the MDC key of the correlation id
	 * @param serviceName the service name, or {@code null}
	 * @return the key of an event, {@code null} for none
	 */
	public Function<ILoggingEvent, byte[]> selector(String correlationIdKey, String serviceName) {
		return switch (this) {
			case CORRELATION_ID -> (event) -> utf8(event.getMDCPropertyMap().get(correlationIdKey));
			case SERVICE_NAME -> {
				byte[] key = utf8(serviceName);
				yield (event) -> key;
			}
			case NONE -> (event) -> null;
		};
	}

	private static byte[] utf8(String value) {
		return (value != null && !value.isEmpty()) ? value.getBytes(StandardCharsets.UTF_8) : null;
	}

}
