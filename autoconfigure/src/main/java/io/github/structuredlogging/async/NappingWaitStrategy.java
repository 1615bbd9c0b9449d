package io.github.structuredlogging.async;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * How the writer thread waits for events: it spins briefly, then naps for growing intervals (50 µs doubling up to
 * 10 ms, the interval at which Log4j2's default {@code Timeout} strategy wakes), and callers wake it only when the
 * queue backs up or when {@link #wakeIfNapping()} is asked for an event that must go out promptly.
 * <p>
 * A strategy that callers signal on every event, as the Disruptor's {@code BlockingWaitStrategy} does, makes every
 * call of an application logging at an ordinary rate pay for waking the writer: the writer has emptied the queue
 * and sleeps, and the wake-up is a system call on the caller's thread, a few microseconds, against a few hundred
 * nanoseconds for the rest of the call ({@code PacedCallerLatencyBenchmark}). Napping, the writer finds what
 * arrived meanwhile and writes it as one batch; a quiet application wakes it at most 100 times a second.
 */
final class NappingWaitStrategy implements WaitStrategy {

	private static final int SPINS = 100;

	private static final long FIRST_NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

	private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final long wakeBacklog;

	private final long firstNapNanos;

	private final long maxNapNanos;

	/** The writer while it naps, else {@code null}; written before it re-checks the cursor, so no wake is lost. */
	private volatile Thread napper;

	/** Set before {@link #napper}, whose volatile write publishes them to callers. */
	private Sequence cursor;

	private long wantedSequence;

	/**
	 * @param wakeBacklog queued events at which a caller wakes a napping writer
	 */
	NappingWaitStrategy(int wakeBacklog) {
		this(wakeBacklog, FIRST_NAP_NANOS, MAX_NAP_NANOS);
	}

	NappingWaitStrategy(int wakeBacklog, long firstNapNanos, long maxNapNanos) {
		this.wakeBacklog = Math.max(1, wakeBacklog);
		this.firstNapNanos = firstNapNanos;
		this.maxNapNanos = maxNapNanos;
	}

	@Override
	public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
			throws AlertException {
		long available;
		for (int i = 0; i < SPINS; i++) {
			if ((available = dependentSequence.get()) >= sequence) {
				return available;
			}
			barrier.checkAlert();
			Thread.onSpinWait();
		}
		this.cursor = cursor;
		this.wantedSequence = sequence;
		this.napper = Thread.currentThread();
		try {
			long nap = this.firstNapNanos;
			while ((available = dependentSequence.get()) < sequence) {
				barrier.checkAlert();
				LockSupport.parkNanos(this, nap);
				nap = Math.min(nap * 2, this.maxNapNanos);
			}
			return available;
		}
		finally {
			this.napper = null;
		}
	}

	/**
	 * Called by the ring buffer after every publish: wakes the writer only once the events waiting for it reach the
	 * backlog, so that a burst does not fill the queue during a nap.
	 */
	@Override
	public void signalAllWhenBlocking() {
		Thread writer = this.napper;
		if (writer != null && this.cursor.get() - this.wantedSequence + 1 >= this.wakeBacklog) {
			LockSupport.unpark(writer);
		}
	}

	/**
	 * Wakes the writer if it naps, whatever the backlog: for an event that must not wait for the nap to end.
	 */
	void wakeIfNapping() {
		Thread writer = this.napper;
		if (writer != null) {
			LockSupport.unpark(writer);
		}
	}

}
