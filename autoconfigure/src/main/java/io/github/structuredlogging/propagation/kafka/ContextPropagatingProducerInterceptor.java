package io.github.structuredlogging.propagation.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kafka producer interceptor that adds the sending thread's context headers to every record. Kafka creates it from
 * the {@code interceptor.classes} setting and runs it inside {@code send}, on the sending thread, after a
 * {@code KafkaTemplate} observation has written its own {@code traceparent}. The header policy arrives through the
 * producer's configuration, under {@link #HEADERS_CONFIG}.
 */
public class ContextPropagatingProducerInterceptor implements ProducerInterceptor<Object, Object> {

	/** Producer configuration key holding the {@link RecordContextHeaders} to apply. */
	public static final String HEADERS_CONFIG = "structured-logging.record-context-headers";

	private RecordContextHeaders headers;

	@Override
	public void configure(Map<String, ?> configs) {
		if (!(configs.get(HEADERS_CONFIG) instanceof RecordContextHeaders configured)) {
			throw new IllegalStateException(getClass().getName() + " needs a " + RecordContextHeaders.class.getName()
					+ " under the producer setting " + HEADERS_CONFIG);
		}
		this.headers = configured;
	}

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		this.headers.addTo(record);
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

}
