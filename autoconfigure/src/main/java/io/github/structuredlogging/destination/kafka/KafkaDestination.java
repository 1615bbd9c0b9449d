package io.github.structuredlogging.destination.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.destination.DeliveryBatch;
import io.github.structuredlogging.destination.LogDestination;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Ships events to a Kafka topic through the official producer. A record counts as delivered only when the
 * producer's callback says the broker acknowledged it (as {@code acks} asks), never when {@code send} returns; a
 * record the producer gave up on (refused, or not acknowledged within its delivery timeout after its own retries)
 * is reported failed, and the pipeline keeps, spills or drops it by level like any other destination's.
 * <p>
 * The producer never makes the sender wait long: {@code max.block.ms} is bounded, so a record for which the
 * producer has no metadata or no memory fails at once, and the pipeline's buffer takes over.
 */
public class KafkaDestination implements LogDestination {

	/** Loggers of the Kafka client, whose events are never shipped through Kafka. */
	static final String CLIENT_LOGGERS = "org.apache.kafka.";

	private static final String CONNECTION_COUNT = "connection-count";

	private static final String PRODUCER_METRICS = "producer-metrics";

	private final Producer<byte[], byte[]> producer;

	private final String topic;

	private final Function<ILoggingEvent, byte[]> keys;

	/**
	 * Creates the destination.
	 * @param producer the producer, owned by the destination from now on
	 * @param topic the topic to write to
	 * @param keys gives the record key of an event, {@code null} for none
	 */
	public KafkaDestination(Producer<byte[], byte[]> producer, String topic, Function<ILoggingEvent, byte[]> keys) {
		this.producer = producer;
		this.topic = topic;
		this.keys = keys;
	}

	/**
	 * Refuses the Kafka client's own events: shipped through the client that logs them, they would feed back (a
	 * broker outage makes the client warn, which makes more records for the broker that is down).
	 */
	@Override
	public boolean accepts(ILoggingEvent event) {
		return !event.getLoggerName().startsWith(CLIENT_LOGGERS);
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return KafkaRecordFrame.frame(this.keys.apply(event), formatted);
	}

	/**
	 * Hands the records to the producer in order, each reported from its callback. Once one fails, the rest are
	 * failed without being sent: sent now, they would overtake it when the pipeline sends it again.
	 */
	@Override
	public void send(DeliveryBatch batch) {
		Attempt attempt = new Attempt(batch);
		for (int i = 0; i < batch.size(); i++) {
			Throwable failure = attempt.failure;
			if (failure != null) {
				for (int rest = i; rest < batch.size(); rest++) {
					batch.failed(rest, failure);
				}
				return;
			}
			byte[] frame = batch.record(i);
			int index = i;
			try {
				this.producer.send(new ProducerRecord<>(this.topic, KafkaRecordFrame.key(frame),
						KafkaRecordFrame.value(frame)), (metadata, exception) -> attempt.report(index, exception));
			}
			catch (RuntimeException ex) {
				attempt.report(index, ex);
			}
		}
	}

	/**
	 * Whether the producer holds a connection to any broker.
	 * @return {@code true} while connected
	 */
	@Override
	public boolean isConnected() {
		for (Map.Entry<MetricName, ? extends Metric> metric : this.producer.metrics().entrySet()) {
			MetricName name = metric.getKey();
			if (CONNECTION_COUNT.equals(name.name()) && PRODUCER_METRICS.equals(name.group())) {
				return metric.getValue().metricValue() instanceof Number count && count.doubleValue() > 0;
			}
		}
		return false;
	}

	/**
	 * Closes the producer without waiting: the pipeline has stopped sending, and every record it handed over was
	 * reported or counted as failed by then, so whatever the producer still holds must not be sent behind the
	 * pipeline's back (it may already be spilled for the next start).
	 */
	@Override
	public void close() {
		this.producer.close(Duration.ZERO);
	}

	/**
	 * The producer, for binding its metrics.
	 * @return the producer
	 */
	public Producer<byte[], byte[]> getProducer() {
		return this.producer;
	}

	public String getTopic() {
		return this.topic;
	}

	/**
	 * One call of {@link #send}: reports each record's outcome and remembers the first failure.
	 */
	private static final class Attempt {

		private final DeliveryBatch batch;

		private volatile Throwable failure;

		Attempt(DeliveryBatch batch) {
			this.batch = batch;
		}

		void report(int index, Exception exception) {
			if (exception == null) {
				this.batch.delivered(index);
			}
			else {
				if (this.failure == null) {
					this.failure = exception;
				}
				this.batch.failed(index, exception);
			}
		}

	}

}
