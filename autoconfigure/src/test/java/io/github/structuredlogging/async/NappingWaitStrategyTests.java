package io.github.structuredlogging.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The writer's side of a real ring buffer waiting through {@link NappingWaitStrategy}: which publishes wake it and
 * which leave it to its nap. The naps here are long (a minute) so that a writer that returns early was woken.
 */
class NappingWaitStrategyTests {

	private static final int BACKLOG = 4;

	private static final long LONG_NAP = TimeUnit.MINUTES.toNanos(1);

	private final NappingWaitStrategy strategy = new NappingWaitStrategy(BACKLOG, LONG_NAP, LONG_NAP);

	private final RingBuffer<EventSlot> ringBuffer = RingBuffer.createMultiProducer(EventSlot::new, 64,
			this.strategy);

	private final SequenceBarrier barrier = this.ringBuffer.newBarrier();

	private Thread writer;

	@AfterEach
	void release() {
		this.barrier.alert();
		LockSupport.unpark(this.writer);
	}

	@Test
	void eventsBelowTheBacklogLeaveTheWriterNappingAndTheOneReachingItWakesIt() throws Exception {
		CompletableFuture<Long> available = napUntilSequence(0);
		publish(BACKLOG - 1);
		Thread.sleep(300);
		assertThat(available).as("woken by %d events, the backlog being %d", BACKLOG - 1, BACKLOG).isNotDone();
		publish(1);
		assertThat(available.get(10, TimeUnit.SECONDS)).isEqualTo(BACKLOG - 1);
	}

	@Test
	void anEventThatMustGoOutWakesTheWriterWhateverTheBacklog() throws Exception {
		CompletableFuture<Long> available = napUntilSequence(0);
		publish(1);
		Thread.sleep(300);
		assertThat(available).isNotDone();
		this.strategy.wakeIfNapping();
		assertThat(available.get(10, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void theBacklogCountsFromTheSequenceTheWriterWaitsFor() throws Exception {
		publish(10);
		CompletableFuture<Long> available = napUntilSequence(10);
		publish(BACKLOG - 1);
		Thread.sleep(300);
		assertThat(available).as("events the writer already had counted as backlog").isNotDone();
		publish(1);
		assertThat(available.get(10, TimeUnit.SECONDS)).isEqualTo(10 + BACKLOG - 1);
	}

	@Test
	void aWriterNobodyWakesFindsTheEventsWhenItsNapEnds() throws Exception {
		NappingWaitStrategy shortNaps = new NappingWaitStrategy(Integer.MAX_VALUE, TimeUnit.MILLISECONDS.toNanos(1),
				TimeUnit.MILLISECONDS.toNanos(20));
		RingBuffer<EventSlot> buffer = RingBuffer.createMultiProducer(EventSlot::new, 64, shortNaps);
		SequenceBarrier shortNapBarrier = buffer.newBarrier();
		CompletableFuture<Long> available = new CompletableFuture<>();
		Thread napping = new Thread(() -> complete(available, shortNapBarrier, 0), "napping-writer");
		napping.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> napping.getState() == Thread.State.TIMED_WAITING);
		buffer.publishEvent((slot, sequence) -> slot.event = null);
		assertThat(available.get(10, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void eventsAlreadyQueuedAreReturnedAtOnce() throws Exception {
		publish(3);
		assertThat(this.barrier.waitFor(1)).isEqualTo(2);
	}

	@Test
	void anAlertWithAnUnparkEndsTheNap() throws Exception {
		CompletableFuture<Long> available = napUntilSequence(0);
		this.barrier.alert();
		LockSupport.unpark(this.writer);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> available.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(AlertException.class);
	}

	/** Starts a writer waiting for the sequence and returns once it naps. */
	private CompletableFuture<Long> napUntilSequence(long sequence) {
		CompletableFuture<Long> available = new CompletableFuture<>();
		this.writer = new Thread(() -> complete(available, this.barrier, sequence), "napping-writer");
		this.writer.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.getState() == Thread.State.TIMED_WAITING);
		return available;
	}

	private static void complete(CompletableFuture<Long> available, SequenceBarrier barrier, long sequence) {
		try {
			available.complete(barrier.waitFor(sequence));
		}
		catch (Exception ex) {
			available.completeExceptionally(ex);
		}
	}

	private void publish(int events) {
		for (int i = 0; i < events; i++) {
			this.ringBuffer.publishEvent((slot, sequence) -> slot.event = null);
		}
	}

}
