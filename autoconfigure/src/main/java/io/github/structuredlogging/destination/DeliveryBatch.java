package io.github.structuredlogging.destination;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;

/**
 * Records handed to {@link LogDestination#send} in one call, and what became of each. Reporting methods may be
 * called from any thread, in any order, and each record's first report counts; a synchronous destination reports
 * before {@code send} returns, an asynchronous one from its client's callbacks.
 */
public final class DeliveryBatch {

	private final List<OutboundRecord> records;

	/** Per record: {@code null} while unreported, {@link #DELIVERED}, or the failure. */
	private final Object[] outcomes;

	private final CountDownLatch unreported;

	private static final Object DELIVERED = new Object();

	DeliveryBatch(List<OutboundRecord> records) {
		this.records = records;
		this.outcomes = new Object[records.size()];
		this.unreported = new CountDownLatch(records.size());
	}

	public int size() {
		return this.records.size();
	}

	/**
	 * The record's bytes, as {@link LogDestination#frame} made them.
	 * @param index the record's position in the batch
	 * @return the bytes; not to be modified
	 */
	public byte[] record(int index) {
		return this.records.get(index).bytes();
	}

	public Level level(int index) {
		return this.records.get(index).level();
	}

	public void delivered(int index) {
		report(index, DELIVERED);
	}

	public void failed(int index, Throwable cause) {
		report(index, (cause != null) ? cause : new IllegalStateException("Delivery failed"));
	}

	/**
	 * Reports the whole batch at once, as a stream protocol knows it: the records before the first one that could
	 * not be written were delivered, that one and the rest were not.
	 * @param deliveredCount how many records, from the first, were delivered
	 * @param failure why the others were not, or {@code null} when all were delivered
	 */
	public void completed(int deliveredCount, Throwable failure) {
		for (int i = 0; i < this.outcomes.length; i++) {
			if (i < deliveredCount) {
				delivered(i);
			}
			else {
				failed(i, failure);
			}
		}
	}

	private synchronized void report(int index, Object outcome) {
		if (this.outcomes[index] == null) {
			this.outcomes[index] = outcome;
			this.unreported.countDown();
		}
	}

	boolean awaitReports(long timeout, TimeUnit unit) throws InterruptedException {
		return this.unreported.await(timeout, unit);
	}

	/**
	 * Fails every record not reported yet, so that the pipeline decides alone from here on.
	 * @param cause why
	 */
	void failUnreported(Throwable cause) {
		for (int i = 0; i < this.outcomes.length; i++) {
			failed(i, cause);
		}
	}

	synchronized boolean isDelivered(int index) {
		return this.outcomes[index] == DELIVERED;
	}

	synchronized Throwable firstFailure() {
		return Arrays.stream(this.outcomes)
			.filter(Throwable.class::isInstance)
			.map(Throwable.class::cast)
			.findFirst()
			.orElse(null);
	}

	OutboundRecord outbound(int index) {
		return this.records.get(index);
	}

}
