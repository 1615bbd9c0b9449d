package io.github.structuredlogging.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that delivers a destination's records: takes a batch from its {@link DestinationOutput}, hands it
 * to the {@link LogDestination}, waits for every record to be reported, and sends the failed ones again, with
 * back-off, before anything newer. On stop it keeps delivering until the buffers are empty or the drain timeout has
 * passed.
 */
final class DestinationSender implements Runnable {

	private static final long IDLE_WAIT_MILLIS = 100;

	private final DestinationOutput output;

	private final LogDestination destination;

	private final DeliverySettings settings;

	private Thread thread;

	private volatile boolean stopping;

	private volatile long drainDeadlineNanos;

	DestinationSender(DestinationOutput output, LogDestination destination, DeliverySettings settings) {
		this.output = output;
		this.destination = destination;
		this.settings = settings;
	}

	void start(String threadName) {
		this.thread = new Thread(this, threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void stop() {
		this.drainDeadlineNanos = System.nanoTime() + this.settings.drainTimeout().toNanos();
		this.stopping = true;
		try {
			this.thread.join(this.settings.drainTimeout().toMillis() + this.settings.deliveryTimeout().toMillis());
			if (this.thread.isAlive()) {
				this.thread.interrupt();
				this.thread.join(this.settings.deliveryTimeout().toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void run() {
		try {
			while (!this.stopping || (!pastDrainDeadline() && !this.output.isEmpty())) {
				List<OutboundRecord> batch = this.output.nextBatch(IDLE_WAIT_MILLIS);
				if (!batch.isEmpty()) {
					deliver(batch);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Delivers the batch, sending the failed records again until all are delivered or the drain deadline has
	 * passed; the records from the spill file are marked delivered in order, as far as they are.
	 */
	private void deliver(List<OutboundRecord> batch) throws InterruptedException {
		boolean[] delivered = new boolean[batch.size()];
		int spillCommitted = 0;
		List<Integer> pending = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			pending.add(i);
		}
		long backoffNanos = this.settings.initialBackoff().toNanos();
		while (true) {
			DeliveryBatch attempt;
			try {
				attempt = send(batch, pending);
			}
			catch (InterruptedException ex) {
				// Stopped while waiting for reports: whatever they would have said, the records stay accounted.
				List<OutboundRecord> abandoned = new ArrayList<>();
				pending.forEach((index) -> abandoned.add(batch.get(index)));
				this.output.abandoned(abandoned);
				throw ex;
			}
			List<Integer> failed = new ArrayList<>();
			for (int i = 0; i < pending.size(); i++) {
				int index = pending.get(i);
				if (attempt.isDelivered(i)) {
					delivered[index] = true;
					this.output.delivered(batch.get(index));
				}
				else {
					failed.add(index);
				}
			}
			spillCommitted = commitSpilled(batch, delivered, spillCommitted);
			if (failed.isEmpty()) {
				this.output.deliveryWorks();
				return;
			}
			this.output.deliveryFailed(attempt.firstFailure());
			if (this.stopping && pastDrainDeadline()) {
				List<OutboundRecord> abandoned = new ArrayList<>();
				failed.forEach((index) -> abandoned.add(batch.get(index)));
				this.output.abandoned(abandoned);
				return;
			}
			pause(backoffNanos);
			backoffNanos = Math.min(backoffNanos * 2, this.settings.maxBackoff().toNanos());
			pending = failed;
		}
	}

	private DeliveryBatch send(List<OutboundRecord> batch, List<Integer> indexes) throws InterruptedException {
		List<OutboundRecord> records = new ArrayList<>(indexes.size());
		indexes.forEach((index) -> records.add(batch.get(index)));
		DeliveryBatch attempt = new DeliveryBatch(records);
		try {
			this.destination.send(attempt);
		}
		catch (RuntimeException ex) {
			attempt.failUnreported(ex);
		}
		if (!attempt.awaitReports(this.settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
			attempt.failUnreported(new TimeoutException(
					"Delivery not reported within " + this.settings.deliveryTimeout().toMillis() + " ms"));
		}
		return attempt;
	}

	/**
	 * Marks the spilled records delivered as far as every record before them is.
	 * @return how many records of the batch are marked now
	 */
	private int commitSpilled(List<OutboundRecord> batch, boolean[] delivered, int committed) {
		int end = committed;
		while (end < batch.size() && delivered[end]) {
			end++;
		}
		List<OutboundRecord> spilled = new ArrayList<>();
		for (int i = committed; i < end; i++) {
			if (batch.get(i).spilled()) {
				spilled.add(batch.get(i));
			}
		}
		this.output.spillDelivered(spilled);
		return end;
	}

	private void pause(long nanos) throws InterruptedException {
		long until = System.nanoTime() + nanos;
		while (System.nanoTime() - until < 0 && !(this.stopping && pastDrainDeadline())) {
			TimeUnit.MILLISECONDS.sleep(Math.min(10, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
		}
	}

	private boolean pastDrainDeadline() {
		return System.nanoTime() - this.drainDeadlineNanos > 0;
	}

}
