package io.github.structuredlogging.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.github.structuredlogging.sampling.EventSampler;

/**
 * Asynchronous appender that makes loss bounded, chosen and visible. Callers put events into an LMAX Disruptor ring
 * buffer; one writer thread drains it in batches into the attached appenders and flushes them once per batch.
 * <p>
 * What happens to an event is decided per level, and counted:
 * <ul>
 * <li>DEBUG and INFO (below WARN) pass through the {@link EventSampler} first; an event it rejects is
 * <em>sampled</em>.</li>
 * <li>When the queue is full, events at or below the {@linkplain #setDropLevel drop level} (INFO by default) wait
 * at most the {@linkplain #setAppendTimeout append timeout} (none by default) and are then <em>dropped</em>. More
 * severe events are never dropped: they are written on the caller's thread (<em>fallback</em>). Attached appenders
 * must therefore accept concurrent writes, as Logback's own do.</li>
 * <li>When an output fails, the writer keeps draining: events that must not be dropped go to the
 * {@linkplain #setFallbackTarget fallback target} (stderr), the others are dropped; the output is retried every
 * {@linkplain #setRetryInterval retry interval} and normal writing resumes as soon as it works.</li>
 * <li>On stop the queue is drained for at most the {@linkplain #setDrainTimeout drain timeout}; past it, events
 * that may be dropped are, the others are still written. Any loss is summarised in one line on stderr.</li>
 * </ul>
 * So that, once drained, {@code accepted = written + dropped + sampled + filtered} holds for every level, where
 * {@code filtered} counts events that every output's own filters refused (Spring Boot's
 * {@code logging.threshold.*}). Logback has already
 * applied the logger's level when an event reaches an appender, so a level changed at runtime decides before
 * sampling and dropping do.
 * <p>
 * The work is split by role: {@link CallerAdmission} on the logging threads, {@link BatchWriter} on the writer
 * thread, {@link PipelineOutputs} for the outputs and the fallback target, {@link PipelineCounts} for the
 * accounting. This class holds the settings and the lifecycle.
 */
public class LogPipelineAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	/** Name under which the logging system attaches the pipeline to the root logger. */
	public static final String DEFAULT_NAME = "ASYNC";

	/** Default queue capacity, in events. */
	public static final int DEFAULT_QUEUE_SIZE = 8192;

	/** Default most severe level that may be dropped when the queue is full. */
	public static final Level DEFAULT_DROP_LEVEL = Level.INFO;

	/** Default time a caller waits for queue space before a droppable event is dropped: none. */
	public static final Duration DEFAULT_APPEND_TIMEOUT = Duration.ZERO;

	/** Default time allowed for draining the queue on stop. */
	public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

	/** Default time between attempts to write to a failed output. */
	public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

	/** Default minimum time between two status warnings about dropped events. */
	public static final Duration DEFAULT_DROP_WARNING_INTERVAL = Duration.ofSeconds(30);

	/** Prefix of the summary line written to stderr on stop when events were lost. */
	public static final String SUMMARY_PREFIX = "structured-logging: log pipeline ";

	private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final Duration STOP_GRACE = Duration.ofSeconds(1);

	/** A napping writer is woken once an eighth of the queue waits for it, long before a burst fills it. */
	private static final int WAKE_BACKLOG_DIVISOR = 8;

	private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

	/** Replaced whole on every change and read by index, so that notifying per batch makes no garbage. */
	private volatile LogPipelineListener[] listeners = {};

	private final PipelineCounts counts = new PipelineCounts();

	private final PipelineOutputs outputs = new PipelineOutputs(this, this.counts);

	private int queueSize = DEFAULT_QUEUE_SIZE;

	private Level dropLevel = DEFAULT_DROP_LEVEL;

	private Duration appendTimeout = DEFAULT_APPEND_TIMEOUT;

	private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

	private Duration retryInterval = DEFAULT_RETRY_INTERVAL;

	private Duration dropWarningInterval = DEFAULT_DROP_WARNING_INTERVAL;

	private FallbackTarget fallbackTarget = FallbackTarget.STDERR;

	private EventSampler sampler = EventSampler.keepAll();

	private WaitStrategy waitStrategy;

	private RingBuffer<EventSlot> ringBuffer;

	private CallerAdmission admission;

	private BatchWriter writer;

	private BatchEventProcessor<EventSlot> processor;

	private Thread writerThread;

	public LogPipelineAppender() {
		setName(DEFAULT_NAME);
	}

	@Override
	public void start() {
		if (isStarted()) {
			return;
		}
		if (this.outputs.isEmpty()) {
			addError("No appender attached to log pipeline '" + getName() + "'; not starting");
			return;
		}
		this.outputs.useDefaultFallbackEncoderIfUnset();
		WaitStrategy strategy = (this.waitStrategy != null) ? this.waitStrategy
				: new NappingWaitStrategy(this.queueSize / WAKE_BACKLOG_DIVISOR);
		this.ringBuffer = RingBuffer.createMultiProducer(EventSlot::new, this.queueSize, strategy);
		Runnable wakeWriter = (strategy instanceof NappingWaitStrategy napping) ? napping::wakeIfNapping : () -> {
		};
		this.admission = new CallerAdmission(this, this.counts, this.outputs, this.ringBuffer, wakeWriter);
		this.writer = new BatchWriter(this, this.counts, this.outputs);
		this.processor = new BatchEventProcessorBuilder().build(this.ringBuffer, this.ringBuffer.newBarrier(),
				this.writer);
		this.processor.setExceptionHandler(this.writer);
		this.ringBuffer.addGatingSequences(this.processor.getSequence());
		this.writerThread = new Thread(this.processor, "structured-logging-" + getName());
		// The drain on stop, not the JVM waiting for this thread, is what keeps queued events.
		this.writerThread.setDaemon(true);
		this.writerThread.start();
		super.start();
		fire((listener) -> listener.pipelineStarted(this));
	}

	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		long drainDeadline = System.nanoTime() + this.drainTimeout.toNanos();
		this.writer.drainUntil(drainDeadline);
		LockSupport.unpark(this.writerThread);
		long giveUp = drainDeadline + STOP_GRACE.toNanos();
		while (this.processor.getSequence().get() < this.ringBuffer.getCursor() && this.writerThread.isAlive()
				&& System.nanoTime() - giveUp < 0) {
			LockSupport.parkNanos(DRAIN_POLL_NANOS);
		}
		this.processor.halt();
		LockSupport.unpark(this.writerThread);
		try {
			this.writerThread.join(STOP_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.writerThread.isAlive()) {
			handleLeftovers();
			this.writer.flushBatch();
		}
		else {
			this.outputs.flush();
		}
		this.outputs.stop();
		String lossSummary = this.counts.lossSummary(getName(), this.drainTimeout);
		if (lossSummary != null) {
			System.err.println(lossSummary);
		}
		fire((listener) -> listener.pipelineStopped(this));
	}

	/**
	 * Events still in the queue after the writer thread ended (published while it stopped, or left by a writer that
	 * died): handled on the stopping thread so that none goes uncounted.
	 */
	private void handleLeftovers() {
		long cursor = this.ringBuffer.getCursor();
		for (long sequence = this.processor.getSequence().get() + 1; sequence <= cursor; sequence++) {
			EventSlot slot = this.ringBuffer.get(sequence);
			ILoggingEvent event = slot.event;
			slot.event = null;
			if (event != null) {
				this.writer.consume(event);
			}
		}
	}

	/**
	 * Waits until every event queued before this call is written and flushed, leaving the pipeline running. The
	 * writer advances its sequence only after a batch's flush, so reaching the cursor read now means flushed.
	 * @param timeout how long to wait at most
	 * @return whether everything queued before the call was flushed in time
	 */
	public boolean awaitFlushed(Duration timeout) {
		if (!isStarted()) {
			return true;
		}
		long target = this.ringBuffer.getCursor();
		long deadline = System.nanoTime() + timeout.toNanos();
		LockSupport.unpark(this.writerThread);
		while (this.processor.getSequence().get() < target) {
			if (System.nanoTime() - deadline >= 0 || !this.writerThread.isAlive()) {
				addWarn("Log pipeline '" + getName() + "' still had " + (target - this.processor.getSequence().get())
						+ " events queued after waiting " + timeout + " for them to be written");
				return false;
			}
			LockSupport.parkNanos(DRAIN_POLL_NANOS);
		}
		return true;
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.admission.admit(event);
	}

	boolean isDroppable(Level level) {
		return level.toInt() <= this.dropLevel.toInt();
	}

	void fire(Consumer<LogPipelineListener> notification) {
		for (LogPipelineListener listener : this.listeners) {
			try {
				notification.accept(listener);
			}
			catch (RuntimeException ex) {
				listenerFailed(listener, ex);
			}
		}
	}

	/**
	 * Tells the listeners a batch was written. Called once per batch, which under light load is once per event, so
	 * unlike {@link #fire} it captures nothing.
	 */
	void fireBatchWritten(long size, long flushNanos) {
		for (LogPipelineListener listener : this.listeners) {
			try {
				listener.batchWritten(this, size, flushNanos);
			}
			catch (RuntimeException ex) {
				listenerFailed(listener, ex);
			}
		}
	}

	private void listenerFailed(LogPipelineListener listener, RuntimeException ex) {
		addWarn("Log pipeline listener " + listener + " failed", ex);
	}

	public synchronized void addListener(LogPipelineListener listener) {
		LogPipelineListener[] added = Arrays.copyOf(this.listeners, this.listeners.length + 1);
		added[added.length - 1] = listener;
		this.listeners = added;
	}

	public synchronized void removeListener(LogPipelineListener listener) {
		List<LogPipelineListener> kept = new ArrayList<>(Arrays.asList(this.listeners));
		kept.remove(listener);
		this.listeners = kept.toArray(LogPipelineListener[]::new);
	}

	/**
	 * Sets the queue capacity.
	 * @param queueSize capacity in events, a power of two (the ring buffer indexes by bit mask)
	 */
	public void setQueueSize(int queueSize) {
		if (queueSize < 1 || Integer.bitCount(queueSize) != 1) {
			throw new IllegalArgumentException("Queue size must be a positive power of two, was " + queueSize);
		}
		this.queueSize = queueSize;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	/**
	 * Sets the most severe level that may be dropped when the queue is full.
	 * @param dropLevel TRACE, DEBUG or INFO; WARN and above are never dropped
	 */
	public void setDropLevel(Level dropLevel) {
		if (dropLevel.toInt() > Level.INFO_INT) {
			throw new IllegalArgumentException("Drop level must be INFO or less severe; WARN and above are never "
					+ "dropped, was " + dropLevel);
		}
		this.dropLevel = dropLevel;
	}

	public Level getDropLevel() {
		return this.dropLevel;
	}

	/**
	 * Sets how long a caller may wait for queue space before a droppable event is dropped.
	 * @param appendTimeout the bound, zero for not waiting at all
	 */
	public void setAppendTimeout(Duration appendTimeout) {
		this.appendTimeout = requireNotNegative("Append timeout", appendTimeout);
	}

	public Duration getAppendTimeout() {
		return this.appendTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = requireNotNegative("Drain timeout", drainTimeout);
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = requireNotNegative("Retry interval", retryInterval);
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setDropWarningInterval(Duration dropWarningInterval) {
		this.dropWarningInterval = requireNotNegative("Drop warning interval", dropWarningInterval);
	}

	Duration getDropWarningInterval() {
		return this.dropWarningInterval;
	}

	public void setFallbackTarget(FallbackTarget fallbackTarget) {
		this.fallbackTarget = fallbackTarget;
	}

	public FallbackTarget getFallbackTarget() {
		return this.fallbackTarget;
	}

	/**
	 * Sets the encoder of events written to the fallback target; by default the encoder of the first attached
	 * output, so the fallback lines look like the others.
	 * @param fallbackEncoder a started encoder that accepts concurrent calls
	 */
	public void setFallbackEncoder(Encoder<ILoggingEvent> fallbackEncoder) {
		this.outputs.setFallbackEncoder(fallbackEncoder);
	}

	public void setSampler(EventSampler sampler) {
		this.sampler = sampler;
	}

	public EventSampler getSampler() {
		return this.sampler;
	}

	/**
	 * Sets how the writer thread waits for events; by default it naps and callers wake it only when the queue backs
	 * up or for an event above the drop level (see {@link NappingWaitStrategy}).
	 * @param waitStrategy the Disruptor wait strategy
	 */
	public void setWaitStrategy(WaitStrategy waitStrategy) {
		this.waitStrategy = waitStrategy;
	}

	/**
	 * Events currently queued.
	 * @return the queue length, 0 when stopped
	 */
	public long getQueueLength() {
		RingBuffer<EventSlot> buffer = this.ringBuffer;
		return (buffer != null) ? buffer.getBufferSize() - buffer.remainingCapacity() : 0;
	}

	public long getAccepted(Level level) {
		return this.counts.accepted.get(level);
	}

	public long getWritten(Level level) {
		return this.counts.written.get(level);
	}

	public long getDropped(Level level) {
		return this.counts.dropped.get(level);
	}

	public long getSampled(Level level) {
		return this.counts.sampled.get(level);
	}

	public long getFallback(Level level) {
		return this.counts.fallback.get(level);
	}

	/**
	 * Events that every output's own filters refused (for example Spring Boot's {@code logging.threshold.*}).
	 * @param level the level
	 * @return the count since start
	 */
	public long getFiltered(Level level) {
		return this.counts.filtered.get(level);
	}

	/**
	 * Events taken from the queue whose writing is not finished yet, or that are still queued.
	 * @return accepted events not yet written, dropped, sampled or filtered
	 */
	public long getInFlight() {
		return this.counts.inFlight();
	}

	public long getTotalAccepted() {
		return this.counts.accepted.total();
	}

	public long getTotalDropped() {
		return this.counts.dropped.total();
	}

	/**
	 * Failed attempts to write to or flush an output.
	 * @return the count since start
	 */
	public long getOutputFailures() {
		return this.counts.outputFailures.sum();
	}

	public Throwable getLastFailure() {
		return this.outputs.lastFailure();
	}

	public ConsumerState getConsumerState() {
		if (!isStarted()) {
			return ConsumerState.STOPPED;
		}
		if (!this.writerThread.isAlive()) {
			return ConsumerState.DEAD;
		}
		return this.outputs.isFailing() ? ConsumerState.OUTPUT_FAILING : ConsumerState.RUNNING;
	}

	/**
	 * Names of the outputs, in order.
	 * @return the names
	 */
	public List<String> getOutputNames() {
		return this.outputs.names();
	}

	/**
	 * The outputs, in order.
	 * @return the outputs
	 */
	public List<PipelineOutput> getOutputs() {
		return this.outputs.list();
	}

	/**
	 * Per-level counts, keyed by level name.
	 * @return accepted, written, dropped, sampled, filtered and fallback counts
	 */
	public Map<String, Map<String, Long>> getCounts() {
		return this.counts.asMap();
	}

	/**
	 * Adds an output that is not a Logback appender, such as a destination with a buffer of its own. Outputs are
	 * written in the order they are added.
	 * @param output the output
	 */
	public void addOutput(PipelineOutput output) {
		this.outputs.add(output);
	}

	/**
	 * Attaches an output. The pipeline flushes it once per batch, so an {@link OutputStreamAppender} is switched to
	 * not flushing after every event.
	 * @param appender the output
	 */
	@Override
	public void addAppender(Appender<ILoggingEvent> appender) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> streamAppender) {
			streamAppender.setImmediateFlush(false);
		}
		this.appenders.addAppender(appender);
		this.outputs.add(new AppenderOutput(appender));
	}

	@Override
	public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
		return this.appenders.iteratorForAppenders();
	}

	@Override
	public Appender<ILoggingEvent> getAppender(String name) {
		return this.appenders.getAppender(name);
	}

	@Override
	public boolean isAttached(Appender<ILoggingEvent> appender) {
		return this.appenders.isAttached(appender);
	}

	@Override
	public void detachAndStopAllAppenders() {
		this.outputs.clear();
		this.appenders.detachAndStopAllAppenders();
	}

	@Override
	public boolean detachAppender(Appender<ILoggingEvent> appender) {
		this.outputs.removeIf((output) -> output instanceof AppenderOutput appenderOutput
				&& appenderOutput.appender() == appender);
		return this.appenders.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		this.outputs.removeIf((output) -> output instanceof AppenderOutput && name.equals(output.name()));
		return this.appenders.detachAppender(name);
	}

	private static Duration requireNotNegative(String what, Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(what + " must not be negative, was " + duration);
		}
		return duration;
	}

}
