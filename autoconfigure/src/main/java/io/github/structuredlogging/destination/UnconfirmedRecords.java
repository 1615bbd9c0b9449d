package io.github.structuredlogging.destination;

import java.io.IOException;
import java.util.ArrayDeque;


/**
 * The latest records written on a connection without acknowledgement. A flushed write only reached the socket
 * buffers, and a receiver that resets the connection loses what they held, so after a broken connection these
 * records are written again at the start of the next one: at least once rather than at most once. Shared by the
 * stream protocols that never answer (syslog over TCP, JSON lines), each writing a record in its own framing.
 */
public final class UnconfirmedRecords {

	private final int capacity;

	private final ArrayDeque<byte[]> records = new ArrayDeque<>();

	private boolean resendPending;

	/**
	 * Creates the window.
	 * @param capacity how many of the latest records are kept
	 */
	public UnconfirmedRecords(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Remembers the records of a batch written on the current connection.
	 * @param batch the batch, all of it written and flushed
	 */
	public void written(DeliveryBatch batch) {
		this.resendPending = false;
		for (int i = 0; i < batch.size(); i++) {
			this.records.addLast(batch.record(i));
			if (this.records.size() > this.capacity) {
				this.records.removeFirst();
			}
		}
	}

	/** The connection broke: what was written on it is written again on the next one. */
	public void connectionBroken() {
		this.resendPending = true;
	}

	/**
	 * Writes the records again when the last connection broke; they stay remembered until a batch succeeds.
	 * @param writer writes one record on the new connection, framed as the protocol frames it
	 * @throws IOException when a write fails
	 */
	public void resendIfPending(RecordWriter writer) throws IOException {
		if (this.resendPending) {
			for (byte[] record : this.records) {
				writer.write(record);
			}
		}
	}

	/**
	 * Writes one record on a connection.
	 */
	@FunctionalInterface
	public interface RecordWriter {

		/**
		 * Writes the record.
		 * @param record the record's bytes
		 * @throws IOException when the write fails
		 */
		void write(byte[] record) throws IOException;

	}

}
