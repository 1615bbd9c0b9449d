package io.github.structuredlogging.async;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
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

	private static final long APPEND_RETRY_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

	private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final Duration STOP_GRACE = Duration.ofSeconds(1);

	private static final String FALLBACK_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %level [%thread] %logger : %msg%n%throwable";

	private static final EventTranslatorOneArg<EventSlot, ILoggingEvent> TRANSLATOR = (slot, sequence,
			event) -> slot.event = event;

	private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

	private final List<PipelineOutput> outputs = new CopyOnWriteArrayList<>();

	private final List<LogPipelineListener> listeners = new CopyOnWriteArrayList<>();

	private final LevelCounters accepted = new LevelCounters();

	private final LevelCounters written = new LevelCounters();

	private final LevelCounters dropped = new LevelCounters();

	private final LevelCounters sampled = new LevelCounters();

	private final LevelCounters fallback = new LevelCounters();

	private final LevelCounters filtered = new LevelCounters();

	private final LevelCounters unwrittenAtDeadline = new LevelCounters();

	private final LongAdder outputFailures = new LongAdder();

	private final AtomicLong lastDropWarningNanos = new AtomicLong();

	private final Object fallbackLock = new Object();

	/** Events of the current batch that are never dropped, kept by the writer thread until the batch is flushed. */
	private final List<ILoggingEvent> unflushed = new ArrayList<>();

	private int queueSize = DEFAULT_QUEUE_SIZE;

	private Level dropLevel = DEFAULT_DROP_LEVEL;

	private Duration appendTimeout = DEFAULT_APPEND_TIMEOUT;

	private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

	private Duration retryInterval = DEFAULT_RETRY_INTERVAL;

	private Duration dropWarningInterval = DEFAULT_DROP_WARNING_INTERVAL;

	private FallbackTarget fallbackTarget = FallbackTarget.STDERR;

	private Encoder<ILoggingEvent> fallbackEncoder;

	private EventSampler sampler = EventSampler.keepAll();

	private WaitStrategy waitStrategy;

	private RingBuffer<EventSlot> ringBuffer;

	private BatchEventProcessor<EventSlot> processor;

	private Thread writerThread;

	private volatile boolean outputFailing;

	private volatile Throwable lastFailure;

	private volatile long nextRetryNanos;

	private volatile boolean draining;

	private volatile long drainDeadlineNanos;

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
		if (this.fallbackEncoder == null) {
			this.fallbackEncoder = defaultFallbackEncoder();
		}
		WaitStrategy strategy = (this.waitStrategy != null) ? this.waitStrategy : new BlockingWaitStrategy();
		this.ringBuffer = RingBuffer.createMultiProducer(EventSlot::new, this.queueSize, strategy);
		Writer writer = new Writer();
		this.processor = new BatchEventProcessorBuilder().build(this.ringBuffer, this.ringBuffer.newBarrier(), writer);
		this.processor.setExceptionHandler(writer);
		this.ringBuffer.addGatingSequences(this.processor.getSequence());
		this.draining = false;
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
		this.drainDeadlineNanos = System.nanoTime() + this.drainTimeout.toNanos();
		this.draining = true;
		long giveUp = this.drainDeadlineNanos + STOP_GRACE.toNanos();
		while (this.processor.getSequence().get() < this.ringBuffer.getCursor() && this.writerThread.isAlive()
				&& System.nanoTime() - giveUp < 0) {
			LockSupport.parkNanos(DRAIN_POLL_NANOS);
		}
		this.processor.halt();
		try {
			this.writerThread.join(STOP_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.writerThread.isAlive()) {
			handleLeftovers();
			flushBatch();
		}
		else {
			flushOutputs();
		}
		for (PipelineOutput output : this.outputs) {
			output.stop();
		}
		reportLoss();
		fire((listener) -> listener.pipelineStopped(this));
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
		Level level = event.getLevel();
		this.accepted.increment(level);
		try {
			route(event, level);
		}
		catch (RuntimeException ex) {
			// Logback reports the exception; counting the event keeps the totals adding up.
			this.dropped.increment(level);
			throw ex;
		}
	}

	private void route(ILoggingEvent event, Level level) {
		if (level.toInt() < Level.WARN_INT && !this.sampler.keep(event)) {
			this.sampled.increment(level);
			return;
		}
		boolean droppable = isDroppable(level);
		if (droppable && this.appendTimeout.isZero() && !this.ringBuffer.hasAvailableCapacity(1)) {
			// Dropped before its message is formatted and its MDC copied: overload should cost callers least.
			drop(level);
			return;
		}
		event.prepareForDeferredProcessing();
		if (this.ringBuffer.tryPublishEvent(TRANSLATOR, event)) {
			return;
		}
		if (!droppable) {
			writeOnCallerThread(event);
		}
		else if (this.appendTimeout.isZero() || !publishWithinTimeout(event)) {
			drop(level);
		}
	}

	private void drop(Level level) {
		this.dropped.increment(level);
		warnAboutDropsNowAndThen();
	}

	private boolean publishWithinTimeout(ILoggingEvent event) {
		long deadline = System.nanoTime() + this.appendTimeout.toNanos();
		do {
			LockSupport.parkNanos(APPEND_RETRY_NANOS);
			if (this.ringBuffer.tryPublishEvent(TRANSLATOR, event)) {
				return true;
			}
		}
		while (System.nanoTime() - deadline < 0 && isStarted());
		return false;
	}

	private void writeOnCallerThread(ILoggingEvent event) {
		Level level = event.getLevel();
		if (!this.outputFailing) {
			Outcome outcome = writeToOutputs(event);
			if (outcome == Outcome.FILTERED) {
				this.filtered.increment(level);
				return;
			}
			if (outcome == Outcome.FAILED || !flushOutputs()) {
				writeToFallbackTarget(event);
			}
		}
		else if (acceptedByAnyOutput(event)) {
			writeToFallbackTarget(event);
		}
		else {
			this.filtered.increment(level);
			return;
		}
		this.fallback.increment(level);
		this.written.increment(level);
	}

	private boolean isDroppable(Level level) {
		return level.toInt() <= this.dropLevel.toInt();
	}

	/**
	 * Writes the event to every output whose own filters accept it.
	 * @return what became of the event; on failure the pipeline is marked failing
	 */
	private Outcome writeToOutputs(ILoggingEvent event) {
		Throwable failure = null;
		boolean accepted = false;
		for (PipelineOutput output : this.outputs) {
			if (output.accepts(event)) {
				accepted = true;
				Throwable outputFailure = output.write(event);
				if (outputFailure != null) {
					failure = outputFailure;
				}
			}
		}
		if (failure != null) {
			outputFailed(failure);
			return Outcome.FAILED;
		}
		return accepted ? Outcome.WRITTEN : Outcome.FILTERED;
	}

	private boolean acceptedByAnyOutput(ILoggingEvent event) {
		for (PipelineOutput output : this.outputs) {
			if (output.accepts(event)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Flushes the outputs at the end of a batch, on the writer thread (or on the stopping thread once the writer has
	 * ended). A failed flush may have lost whatever the outputs still buffered, so the batch's events that must not
	 * be lost are written again to the fallback target, at the risk of appearing twice.
	 */
	private void flushBatch() {
		if (!flushOutputs()) {
			for (ILoggingEvent event : this.unflushed) {
				writeToFallbackTarget(event);
				this.fallback.increment(event.getLevel());
			}
		}
		this.unflushed.clear();
	}

	/**
	 * Flushes every output.
	 * @return whether all flushes succeeded; on failure the pipeline is marked failing
	 */
	private boolean flushOutputs() {
		boolean flushed = true;
		for (PipelineOutput output : this.outputs) {
			Throwable failure = output.flush();
			if (failure != null) {
				outputFailed(failure);
				flushed = false;
			}
		}
		return flushed;
	}

	private void outputFailed(Throwable failure) {
		this.outputFailures.increment();
		this.lastFailure = failure;
		this.nextRetryNanos = System.nanoTime() + this.retryInterval.toNanos();
		if (!this.outputFailing) {
			this.outputFailing = true;
			addError("Output of log pipeline '" + getName() + "' failed; events at " + moreSevereThan(this.dropLevel)
					+ " and above go to " + this.fallbackTarget + ", less severe ones are dropped; retrying every "
					+ this.retryInterval.toMillis() + " ms", failure);
			fire((listener) -> listener.outputFailed(this, failure));
		}
	}

	private void outputRecovered() {
		this.outputFailing = false;
		addInfo("Output of log pipeline '" + getName() + "' works again");
		fire((listener) -> listener.outputRecovered(this));
	}

	private void writeToFallbackTarget(ILoggingEvent event) {
		byte[] bytes = this.fallbackEncoder.encode(event);
		synchronized (this.fallbackLock) {
			PrintStream stream = this.fallbackTarget.stream();
			stream.write(bytes, 0, bytes.length);
			stream.flush();
		}
	}

	private void warnAboutDropsNowAndThen() {
		long now = System.nanoTime();
		long last = this.lastDropWarningNanos.get();
		if ((last == 0 || now - last >= this.dropWarningInterval.toNanos())
				&& this.lastDropWarningNanos.compareAndSet(last, now)) {
			addWarn("Queue of log pipeline '" + getName() + "' is full (" + this.queueSize + " events): dropped "
					+ this.dropped.asMap() + " so far; events at " + moreSevereThan(this.dropLevel)
					+ " and above are written on the caller's thread");
		}
	}

	/**
	 * Decides the fate of one event taken from the queue, on the writer thread.
	 */
	private void consume(ILoggingEvent event) {
		Level level = event.getLevel();
		if (this.draining && System.nanoTime() - this.drainDeadlineNanos > 0 && isDroppable(level)) {
			this.unwrittenAtDeadline.increment(level);
			this.dropped.increment(level);
			return;
		}
		if (this.outputFailing) {
			if (System.nanoTime() - this.nextRetryNanos < 0) {
				divert(event);
				return;
			}
			for (PipelineOutput output : this.outputs) {
				output.restartIfStopped();
			}
			this.nextRetryNanos = System.nanoTime() + this.retryInterval.toNanos();
		}
		Outcome outcome = writeToOutputs(event);
		if (outcome == Outcome.FAILED) {
			divert(event);
			return;
		}
		if (outcome == Outcome.FILTERED) {
			this.filtered.increment(level);
			return;
		}
		if (this.outputFailing) {
			outputRecovered();
		}
		this.written.increment(level);
		if (!isDroppable(level)) {
			this.unflushed.add(event);
		}
	}

	private void divert(ILoggingEvent event) {
		Level level = event.getLevel();
		if (!acceptedByAnyOutput(event)) {
			this.filtered.increment(level);
			return;
		}
		if (isDroppable(level)) {
			this.dropped.increment(level);
			return;
		}
		writeToFallbackTarget(event);
		this.fallback.increment(level);
		this.written.increment(level);
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
				consume(event);
			}
		}
	}

	private void reportLoss() {
		if (this.dropped.total() == 0) {
			return;
		}
		StringBuilder line = new StringBuilder(SUMMARY_PREFIX).append(getName()).append(" stopped; not written:");
		line.append(" dropped=").append(this.dropped.asMap());
		line.append(" (at the ").append(this.drainTimeout.toMillis()).append(" ms drain deadline: ")
			.append(this.unwrittenAtDeadline.asMap()).append(')');
		line.append(" sampled=").append(this.sampled.asMap());
		line.append(" filtered=").append(this.filtered.asMap());
		line.append("; accepted=").append(this.accepted.asMap());
		line.append(" written=").append(this.written.asMap());
		line.append(" fallback=").append(this.fallback.asMap());
		System.err.println(line);
	}

	private Encoder<ILoggingEvent> defaultFallbackEncoder() {
		for (PipelineOutput output : this.outputs) {
			if (output.appender() instanceof OutputStreamAppender<ILoggingEvent> streamAppender
					&& streamAppender.getEncoder() != null) {
				return streamAppender.getEncoder();
			}
		}
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(getContext());
		encoder.setPattern(FALLBACK_PATTERN);
		encoder.start();
		return encoder;
	}

	private void fire(Consumer<LogPipelineListener> notification) {
		for (LogPipelineListener listener : this.listeners) {
			try {
				notification.accept(listener);
			}
			catch (RuntimeException ex) {
				addWarn("Log pipeline listener " + listener + " failed", ex);
			}
		}
	}

	private static String moreSevereThan(Level dropLevel) {
		return (dropLevel.toInt() < Level.INFO_INT) ? "INFO" : "WARN";
	}

	public void addListener(LogPipelineListener listener) {
		this.listeners.add(listener);
	}

	public void removeListener(LogPipelineListener listener) {
		this.listeners.remove(listener);
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
		this.fallbackEncoder = fallbackEncoder;
	}

	public void setSampler(EventSampler sampler) {
		this.sampler = sampler;
	}

	public EventSampler getSampler() {
		return this.sampler;
	}

	/**
	 * Sets how the writer thread waits for events; by default it blocks on a lock that callers signal, which costs
	 * no CPU while the application is quiet and measured best for caller latency among the blocking strategies (see
	 * the benchmarks' README).
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
		return this.accepted.get(level);
	}

	public long getWritten(Level level) {
		return this.written.get(level);
	}

	public long getDropped(Level level) {
		return this.dropped.get(level);
	}

	public long getSampled(Level level) {
		return this.sampled.get(level);
	}

	public long getFallback(Level level) {
		return this.fallback.get(level);
	}

	/**
	 * Events that every output's own filters refused (for example Spring Boot's {@code logging.threshold.*}).
	 * @param level the level
	 * @return the count since start
	 */
	public long getFiltered(Level level) {
		return this.filtered.get(level);
	}

	/**
	 * Events taken from the queue whose writing is not finished yet, or that are still queued.
	 * @return accepted events not yet written, dropped, sampled or filtered
	 */
	public long getInFlight() {
		return this.accepted.total() - this.written.total() - this.dropped.total() - this.sampled.total()
				- this.filtered.total();
	}

	public long getTotalAccepted() {
		return this.accepted.total();
	}

	public long getTotalDropped() {
		return this.dropped.total();
	}

	/**
	 * Failed attempts to write to or flush an output.
	 * @return the count since start
	 */
	public long getOutputFailures() {
		return this.outputFailures.sum();
	}

	public Throwable getLastFailure() {
		return this.lastFailure;
	}

	public ConsumerState getConsumerState() {
		if (!isStarted()) {
			return ConsumerState.STOPPED;
		}
		if (!this.writerThread.isAlive()) {
			return ConsumerState.DEAD;
		}
		return this.outputFailing ? ConsumerState.OUTPUT_FAILING : ConsumerState.RUNNING;
	}

	/**
	 * Names of the attached appenders, in order.
	 * @return the names
	 */
	public List<String> getOutputNames() {
		List<String> names = new ArrayList<>();
		this.outputs.forEach((output) -> names.add(output.appender().getName()));
		return names;
	}

	/**
	 * Per-level counts, keyed by level name.
	 * @return accepted, written, dropped, sampled, filtered and fallback counts
	 */
	public Map<String, Map<String, Long>> getCounts() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		counts.put("accepted", this.accepted.asMap());
		counts.put("written", this.written.asMap());
		counts.put("dropped", this.dropped.asMap());
		counts.put("sampled", this.sampled.asMap());
		counts.put("filtered", this.filtered.asMap());
		counts.put("fallback", this.fallback.asMap());
		return counts;
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
		this.outputs.add(new PipelineOutput(appender));
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
		this.outputs.removeIf((output) -> output.appender() == appender);
		return this.appenders.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		this.outputs.removeIf((output) -> name.equals(output.appender().getName()));
		return this.appenders.detachAppender(name);
	}

	private static Duration requireNotNegative(String what, Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(what + " must not be negative, was " + duration);
		}
		return duration;
	}

	/**
	 * What became of an event handed to the outputs.
	 */
	private enum Outcome {

		/** At least one output wrote it and none failed. */
		WRITTEN,

		/** Every output's own filters refused it. */
		FILTERED,

		/** An output failed. */
		FAILED

	}

	/**
	 * One preallocated slot of the ring buffer.
	 */
	static final class EventSlot {

		ILoggingEvent event;

	}

	/**
	 * The writer thread's side: writes each event, flushes once at the end of a batch, and survives anything an
	 * output throws.
	 */
	private final class Writer implements EventHandler<EventSlot>, ExceptionHandler<EventSlot> {

		private long batchSize;

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
				LogPipelineAppender.this.dropped.increment(event.getLevel());
				addError("Log pipeline '" + getName() + "' lost an event it could not write", ex);
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
			fire((listener) -> listener.batchWritten(LogPipelineAppender.this, size, flushNanos));
		}

		@Override
		public void handleEventException(Throwable ex, long sequence, EventSlot slot) {
			addError("Log pipeline '" + getName() + "' could not handle an event", ex);
		}

		@Override
		public void handleOnStartException(Throwable ex) {
			addError("Log pipeline '" + getName() + "' writer failed to start", ex);
		}

		@Override
		public void handleOnShutdownException(Throwable ex) {
			addError("Log pipeline '" + getName() + "' writer failed to shut down", ex);
		}

	}

}
