package io.github.structuredlogging.propagation.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.structuredlogging.propagation.OutgoingHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

import org.springframework.util.PatternMatchUtils;

/**
 * Writes the context headers of the sending thread onto a Kafka record bound for an allowed topic. Headers already
 * on the record (set by the application, or by Micrometer's Kafka observation when tracing) are left alone, so
 * nothing is sent twice.
 */
public class RecordContextHeaders {

	private final OutgoingHeaders headers;

	private final String correlationIdKey;

	private final String[] allowedTopics;

	/**
	 * Creates the record header policy.
	 * @param headers which headers are sent
	 * @param correlationIdKey the MDC key of the correlation id
	 * @param allowedTopics the topic patterns whose records carry the headers
	 */
	public RecordContextHeaders(OutgoingHeaders headers, String correlationIdKey, List<String> allowedTopics) {
		this.headers = headers;
		this.correlationIdKey = correlationIdKey;
		this.allowedTopics = allowedTopics.toArray(String[]::new);
	}

	/**
	 * Adds the context headers of the calling thread to a record.
	 * @param record the record about to be sent
	 */
	public void addTo(ProducerRecord<?, ?> record) {
		if (!PatternMatchUtils.simpleMatch(this.allowedTopics, record.topic())) {
			return;
		}
		Headers recordHeaders = record.headers();
		this.headers.addTo(MDC.get(this.correlationIdKey), (name) -> recordHeaders.lastHeader(name) != null,
				(name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
