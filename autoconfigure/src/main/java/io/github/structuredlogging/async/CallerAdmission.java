package io.github.structuredlogging.async;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;

/**
 * The caller's side of the pipeline: decides on the logging thread whether an event is sampled out, queued, dropped
 * or, when the queue is full and the event must not be dropped, written right away.
 */
final class CallerAdmission {

	private static final long APPEND_RETRY_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

	private static final long NEVER_WARNED = Long.MIN_VALUE;

	private static final EventTranslatorOneArg<EventSlot, ILoggingEvent> TRANSLATOR = (slot, sequence,
			event) -> slot.event = event;

	private final LogPipelineAppender pipeline;

	private final PipelineCounts counts;

	private final PipelineOutputs outputs;

	private final RingBuffer<EventSlot> ringBuffer;

	/** Asks a napping writer for an event that must not wait until the nap ends. */
	private final Runnable wakeWriter;

	/**
	 * Time of the event that raised the last warning, in epoch milliseconds: the event's own time, so that a
	 * dropping caller neither reads the clock nor writes to memory other callers read, until a warning is due.
	 */
	private final AtomicLong lastDropWarningMillis = new AtomicLong(NEVER_WARNED);

	CallerAdmission(LogPipelineAppender pipeline, PipelineCounts counts, PipelineOutputs outputs,
			RingBuffer<EventSlot> ringBuffer, Runnable wakeWriter) {
		this.pipeline = pipeline;
		this.counts = counts;
		this.outputs = outputs;
		this.ringBuffer = ringBuffer;
		this.wakeWriter = wakeWriter;
	}

	void admit(ILoggingEvent event) {
		Level level = event.getLevel();
		this.counts.accepted.increment(level);
		try {
			route(event, level);
		}
		catch (RuntimeException ex) {
			// Logback reports the exception; counting the event keeps the totals adding up.
			this.counts.dropped.increment(level);
			throw ex;
		}
	}

	private void route(ILoggingEvent event, Level level) {
		if (level.toInt() < Level.WARN_INT && !this.pipeline.getSampler().keep(event)) {
			this.counts.sampled.increment(level);
			return;
		}
		boolean droppable = this.pipeline.isDroppable(level);
		boolean noWait = this.pipeline.getAppendTimeout().isZero();
		if (droppable && noWait && !this.ringBuffer.hasAvailableCapacity(1)) {
			// Dropped before its message is formatted and its MDC copied: overload should cost callers least.
			drop(event, level);
			return;
		}
		EventPreparation.prepare(event);
		if (this.ringBuffer.tryPublishEvent(TRANSLATOR, event)) {
			if (!droppable) {
				this.wakeWriter.run();
			}
			return;
		}
		if (!droppable) {
			writeOnCallerThread(event);
		}
		else if (noWait || !publishWithinTimeout(event)) {
			drop(event, level);
		}
	}

	private void drop(ILoggingEvent event, Level level) {
		this.counts.dropped.increment(level);
		warnAboutDropsNowAndThen(event.getTimeStamp());
	}

	private boolean publishWithinTimeout(ILoggingEvent event) {
		long deadline = System.nanoTime() + this.pipeline.getAppendTimeout().toNanos();
		do {
			LockSupport.parkNanos(APPEND_RETRY_NANOS);
			if (this.ringBuffer.tryPublishEvent(TRANSLATOR, event)) {
				return true;
			}
		}
		while (System.nanoTime() - deadline < 0 && this.pipeline.isStarted());
		return false;
	}

	private void writeOnCallerThread(ILoggingEvent event) {
		Level level = event.getLevel();
		if (!this.outputs.isFailing()) {
			WriteOutcome outcome = this.outputs.write(event);
			if (outcome == WriteOutcome.FILTERED) {
				this.counts.filtered.increment(level);
				return;
			}
			if (outcome == WriteOutcome.FAILED || !this.outputs.flush()) {
				this.outputs.writeToFallbackTarget(event);
			}
		}
		else if (this.outputs.acceptedByAny(event)) {
			this.outputs.writeToSelfBuffering(event);
			this.outputs.writeToFallbackTarget(event);
		}
		else {
			this.counts.filtered.increment(level);
			return;
		}
		this.counts.fallback.increment(level);
		this.counts.written.increment(level);
	}

	private void warnAboutDropsNowAndThen(long eventMillis) {
		long last = this.lastDropWarningMillis.get();
		if ((last == NEVER_WARNED || eventMillis - last >= this.pipeline.getDropWarningInterval().toMillis())
				&& this.lastDropWarningMillis.compareAndSet(last, eventMillis)) {
			this.pipeline.addWarn("Queue of log pipeline '" + this.pipeline.getName() + "' is full ("
					+ this.pipeline.getQueueSize() + " events): dropped " + this.counts.dropped.asMap()
					+ " so far; events at " + PipelineOutputs.moreSevereThan(this.pipeline.getDropLevel())
					+ " and above are written on the caller's thread");
		}
	}

}
