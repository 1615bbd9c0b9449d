package io.github.structuredlogging.async;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;

/**
 * The writer loop, on the pipeline's one writer thread: writes each queued event to the outputs, flushes them once
 * at the end of a batch, keeps draining while outputs fail, and survives anything an output throws.
 */
final class BatchWriter implements EventHandler<EventSlot>, ExceptionHandler<EventSlot> {

	private final LogPipelineAppender pipeline;

	private final PipelineCounts counts;

	private final PipelineOutputs outputs;

	/** Events written since the last flush that are never dropped, kept until they are flushed. */
	private final List<ILoggingEvent> unflushed = new ArrayList<>();

	/**
	 * Events written since the last flush that may be dropped, per level: an output that gathers a batch before
	 * writing it (see {@link DirectStreamWriter}) loses them all when that write fails, so they are then counted as
	 * dropped rather than written.
	 */
	private final long[] unflushedDroppable = new long[LevelCounters.LEVELS.size()];

	private long batchSize;

	private volatile boolean draining;

	private volatile long drainDeadlineNanos;

	BatchWriter(LogPipelineAppender pipeline, PipelineCounts counts, PipelineOutputs outputs) {
		this.pipeline = pipeline;
		this.counts = counts;
		this.outputs = outputs;
	}

	/**
	 * From now on, events taken from the queue after the deadline that may be dropped are.
	 * @param deadlineNanos the drain deadline, in {@link System#nanoTime()} terms
	 */
	void drainUntil(long deadlineNanos) {
		this.drainDeadlineNanos = deadlineNanos;
		this.draining = true;
	}

	@Override
	public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
		ILoggingEvent event = slot.event;
		slot.event = null;
		this.batchSize++;
		try {
			consume(event);
		}
		catch (RuntimeException ex) {
			// Counted, so that a defect (say, in the fallback encoder) shows in the totals instead of hiding.
			this.counts.dropped.increment(event.getLevel());
			this.pipeline.addError("Log pipeline '" + this.pipeline.getName() + "' lost an event it could not write",
					ex);
		}
		if (endOfBatch) {
			endBatch();
		}
	}

	private void endBatch() {
		long start = System.nanoTime();
		flushBatch();
		long flushNanos = System.nanoTime() - start;
		long size = this.batchSize;
		this.batchSize = 0;
		this.pipeline.fireBatchWritten(size, flushNanos);
	}

	/**
	 * Decides the fate of one event taken from the queue: on the writer thread, or on the stopping thread for
	 * leftovers once the writer has ended.
	 */
	void consume(ILoggingEvent event) {
		Level level = event.getLevel();
		if (this.draining && System.nanoTime() - this.drainDeadlineNanos > 0 && this.pipeline.isDroppable(level)) {
			this.counts.unwrittenAtDeadline.increment(level);
			this.counts.dropped.increment(level);
			return;
		}
		if (this.outputs.isFailing() && !this.outputs.readyForRetry()) {
			this.outputs.writeToSelfBuffering(event);
			divert(event);
			return;
		}
		WriteOutcome outcome = this.outputs.write(event);
		if (outcome == WriteOutcome.FAILED) {
			loseUnflushed();
			divert(event);
			return;
		}
		if (outcome == WriteOutcome.FILTERED) {
			this.counts.filtered.increment(level);
			return;
		}
		if (this.outputs.isFailing()) {
			this.outputs.recovered();
		}
		this.counts.written.increment(level);
		if (!this.pipeline.isDroppable(level)) {
			this.unflushed.add(event);
		}
		else {
			this.unflushedDroppable[LevelCounters.index(level)]++;
		}
	}

	private void divert(ILoggingEvent event) {
		Level level = event.getLevel();
		if (!this.outputs.acceptedByAny(event)) {
			this.counts.filtered.increment(level);
			return;
		}
		if (this.pipeline.isDroppable(level)) {
			this.counts.dropped.increment(level);
			return;
		}
		this.outputs.writeToFallbackTarget(event);
		this.counts.fallback.increment(level);
		this.counts.written.increment(level);
	}

	/**
	 * Flushes the outputs at the end of a batch. A failed flush may have lost whatever the outputs still buffered
	 * (see {@link #loseUnflushed}).
	 */
	void flushBatch() {
		if (!this.outputs.flush()) {
			loseUnflushed();
		}
		this.unflushed.clear();
		Arrays.fill(this.unflushedDroppable, 0);
	}

	/**
	 * After a failed write or flush, the events written since the last flush may not have reached the output: those
	 * that must not be lost are written again to the fallback target, at the risk of appearing twice, and the others
	 * are counted as dropped instead of written.
	 */
	private void loseUnflushed() {
		for (ILoggingEvent event : this.unflushed) {
			this.outputs.writeToFallbackTarget(event);
			this.counts.fallback.increment(event.getLevel());
		}
		this.unflushed.clear();
		for (int i = 0; i < this.unflushedDroppable.length; i++) {
			long lost = this.unflushedDroppable[i];
			if (lost > 0) {
				Level level = LevelCounters.LEVELS.get(i);
				this.counts.written.add(level, -lost);
				this.counts.dropped.add(level, lost);
				this.unflushedDroppable[i] = 0;
			}
		}
	}

	@Override
	public void handleEventException(Throwable ex, long sequence, EventSlot slot) {
		this.pipeline.addError("Log pipeline '" + this.pipeline.getName() + "' could not handle an event", ex);
	}

	@Override
	public void handleOnStartException(Throwable ex) {
		this.pipeline.addError("Log pipeline '" + this.pipeline.getName() + "' writer failed to start", ex);
	}

	@Override
	public void handleOnShutdownException(Throwable ex) {
		this.pipeline.addError("Log pipeline '" + this.pipeline.getName() + "' writer failed to shut down", ex);
	}

}
