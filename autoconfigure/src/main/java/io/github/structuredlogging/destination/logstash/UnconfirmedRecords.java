package io.github.structuredlogging.destination.logstash;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

import io.github.structuredlogging.destination.DeliveryBatch;

/**
 * The latest records written on a connection without acknowledgement. A flushed write only reached the socket
 * buffers, and a receiver that resets the connection loses what they held, so after a broken connection these
 * records are written again at the start of the next one: at least once rather than at most once.
 */
final class UnconfirmedRecords {

	private final int capacity;

	private final ArrayDeque<byte[]> records = new ArrayDeque<>();

	private boolean resendPending;

	UnconfirmedRecords(int capacity) {
		this.capacity = capacity;
	}

	/** Remembers the records of a batch written on the current connection. */
	void written(DeliveryBatch batch) {
		this.resendPending = false;
		for (int i = 0; i < batch.size(); i++) {
			this.records.addLast(batch.record(i));
			if (this.records.size() > this.capacity) {
				this.records.removeFirst();
			}
		}
	}

	/** The connection broke: what was written on it is written again on the next one. */
	void connectionBroken() {
		this.resendPending = true;
	}

	/** Writes the records again when the last connection broke; they stay remembered until a batch succeeds. */
	void resendIfPending(OutputStream output) throws IOException {
		if (this.resendPending) {
			for (byte[] record : this.records) {
				output.write(record);
			}
		}
	}

}
