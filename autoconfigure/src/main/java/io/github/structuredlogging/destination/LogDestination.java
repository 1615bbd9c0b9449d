package io.github.structuredlogging.destination;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Where a destination's events go, and nothing else: the wire protocol of one collector (syslog, Logstash TCP, OTLP,
 * Kafka, a local stream). As with OpenTelemetry's {@code LogRecordExporter}, everything around the protocol belongs
 * to the pipeline ({@link DestinationOutput}): the level threshold, the format, the bounded buffer, batching,
 * retries with back-off, the spill file and the accounting.
 * <p>
 * Threads: {@link #frame} runs on the pipeline's writer thread (and on a logging thread when the pipeline's queue
 * is full and the event must not be dropped), so it must not block; {@link #send} runs on the destination's own
 * sender thread, one batch at a time, and may complete the batch later from any thread (a producer callback, an
 * HTTP client's executor). The pipeline sends the next batch only once every record of the current one is
 * reported, or once the delivery timeout has passed (unreported records then count as failed and are sent again).
 */
public interface LogDestination extends AutoCloseable {

	/**
	 * Turns one event into the record this destination sends for it. The record is what the pipeline buffers,
	 * spills to disk and replays after a restart, so it must hold everything {@link #send} needs.
	 * @param event the event
	 * @param formatted the event rendered in the destination's format ({@code structured-logging.destinations.<name>.format})
	 * @return the record, typically the formatted bytes with the protocol's header or framing
	 */
	byte[] frame(ILoggingEvent event, byte[] formatted);

	/**
	 * Sends the batch's records, in order, and reports what became of each through the batch, now or later.
	 * Must not throw for a delivery failure: report it with {@link DeliveryBatch#failed(int, Throwable)} or
	 * {@link DeliveryBatch#completed(int, Throwable)}; a thrown exception fails the records not yet reported.
	 * @param batch the records
	 */
	void send(DeliveryBatch batch);

	/**
	 * Whether the destination takes the event at all, beside its level threshold; one it refuses is counted as
	 * filtered. A destination refuses the events its own client library logs, which shipping would feed back.
	 * @param event the event
	 * @return {@code false} to refuse it
	 */
	default boolean accepts(ILoggingEvent event) {
		return true;
	}

	/**
	 * Whether the destination holds a working connection now ({@code logging.destination.connected}); for
	 * connectionless protocols, whether the last send worked.
	 * @return the connection state
	 */
	boolean isConnected();

	/**
	 * Releases connections and threads; called once the pipeline has stopped sending.
	 */
	@Override
	void close();

}
