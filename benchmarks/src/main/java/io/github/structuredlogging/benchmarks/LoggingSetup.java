package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * One way of writing the same JSON events to a file: the starter's pipeline, the stock alternatives, or Log4j2
 * (driven through its own API, since SLF4J can be bound to one backend only). Every Logback variant uses the
 * starter's JSON encoder and a {@link FileAppender}; every queue holds {@value #QUEUE_SIZE} events. Each
 * Logback-based alternative comes as shipped (the file appender flushing every event) and tuned (flushing only when
 * its 8 KB buffer fills, at the end of a batch where the appender does that, and on stop), so that a difference in
 * flushing is never credited to a queue.
 */
final class LoggingSetup implements AutoCloseable {

	static final int QUEUE_SIZE = 8192;

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

	private final Variant variant;

	private final Path file;

	private final LoggerContext logback;

	private final Logger logbackLogger;

	private final Appender<ILoggingEvent> async;

	private final org.apache.logging.log4j.core.LoggerContext log4j;

	private final org.apache.logging.log4j.Logger log4jLogger;

	/** Threads the variant started for itself (its writer), which {@link #awaitDrained()} watches. */
	private final List<Thread> ownThreads;

	LoggingSetup(Variant variant, boolean blockWhenFull) {
		this.variant = variant;
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		try {
			this.file = Files.createTempFile("structured-logging-bench-" + variant.name().toLowerCase(), ".json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (variant == Variant.LOG4J2_ASYNC) {
			this.logback = null;
			this.logbackLogger = null;
			this.async = null;
			this.log4j = Configurator.initialize(log4jConfiguration(this.file));
			this.log4jLogger = this.log4j.getLogger("bench.orders");
			this.ownThreads = startedSince(before);
			return;
		}
		this.log4j = null;
		this.log4jLogger = null;
		this.logback = new LoggerContext();
		this.logback.setMDCAdapter(new LogbackMDCAdapter());
		this.logback.start();
		FileAppender<ILoggingEvent> fileAppender = fileAppender(this.logback, this.file, variant.tuned);
		this.async = switch (variant) {
			case SYNC, SYNC_TUNED -> fileAppender;
			case PIPELINE -> pipeline(fileAppender, blockWhenFull);
			case LOGBACK_ASYNC, LOGBACK_ASYNC_TUNED -> logbackAsync(fileAppender, false, blockWhenFull);
			case LOGBACK_ASYNC_NEVER_BLOCK, LOGBACK_ASYNC_NEVER_BLOCK_TUNED ->
				logbackAsync(fileAppender, true, blockWhenFull);
			case LOGSTASH_DISRUPTOR, LOGSTASH_DISRUPTOR_TUNED -> logstash(fileAppender, blockWhenFull);
			default -> throw new IllegalArgumentException(variant.name());
		};
		this.logbackLogger = this.logback.getLogger("bench.orders");
		Logger root = this.logback.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(this.async);
		this.ownThreads = startedSince(before);
	}

	void log(long sequence) {
		if (this.log4jLogger != null) {
			this.log4jLogger.info("Order {} placed for {}", sequence, "book");
		}
		else {
			this.logbackLogger.info("Order {} placed for {}", sequence, "book");
		}
	}

	/**
	 * Lines in the file once everything queued is written: stops the variant first, which drains its queue.
	 * @return the number of events that reached the file
	 */
	long linesWritten() {
		close();
		return LineCounter.count(this.file);
	}

	/**
	 * Stops the variant, deletes its file and prints the share of the callers' events that did not reach it, the
	 * figure a latency run is read beside.
	 */
	void closeAndPrintDropFraction() {
		long written = linesWritten();
		long logged = Callers.totalLogged();
		delete();
		System.out.printf(Locale.ROOT, "%ndrop fraction %s: %.4f (logged %d, in the file %d)%n", this.variant,
				1.0 - (double) written / logged, logged, written);
	}

	/**
	 * Waits until the variant's own threads have nothing left to write, so that the CPU they spend on what the
	 * callers queued is inside the measured window. A writer with an empty queue parks; two looks a few
	 * milliseconds apart that find every such thread parked mean the queue is drained.
	 */
	void awaitDrained() {
		if (this.async instanceof LogPipelineAppender pipeline) {
			pipeline.awaitFlushed(DRAIN_TIMEOUT);
			return;
		}
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		int quietLooks = 0;
		while (quietLooks < 2 && System.nanoTime() - deadline < 0) {
			quietLooks = allParked() ? quietLooks + 1 : 0;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
	}

	private boolean allParked() {
		for (Thread thread : this.ownThreads) {
			Thread.State state = thread.getState();
			if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
					&& state != Thread.State.TERMINATED) {
				return false;
			}
		}
		return true;
	}

	private static List<Thread> startedSince(Set<Thread> before) {
		List<Thread> started = new ArrayList<>(Thread.getAllStackTraces().keySet());
		started.removeAll(before);
		return started;
	}

	@Override
	public void close() {
		if (this.logback != null && this.logback.isStarted()) {
			this.logback.stop();
		}
		if (this.log4j != null && this.log4j.isStarted()) {
			this.log4j.stop();
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Variant variant() {
		return this.variant;
	}

	private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file, boolean tuned) {
		FileAppender<ILoggingEvent> appender = new FileAppender<>();
		appender.setContext(context);
		appender.setName("FILE");
		appender.setFile(file.toString());
		appender.setAppend(false);
		appender.setEncoder(new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "bench").create(context));
		appender.getEncoder().start();
		appender.setImmediateFlush(!tuned);
		appender.start();
		return appender;
	}

	/** The pipeline as the starter configures it: it switches its outputs to flushing once per batch. */
	private LogPipelineAppender pipeline(FileAppender<ILoggingEvent> file, boolean blockWhenFull) {
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.logback);
		pipeline.setQueueSize(QUEUE_SIZE);
		if (blockWhenFull) {
			pipeline.setAppendTimeout(Duration.ofHours(1));
		}
		pipeline.addAppender(file);
		pipeline.start();
		return pipeline;
	}

	private AsyncAppender logbackAsync(FileAppender<ILoggingEvent> file, boolean neverBlock, boolean blockWhenFull) {
		AsyncAppender appender = new AsyncAppender();
		appender.setContext(this.logback);
		appender.setName("LOGBACK_ASYNC");
		appender.setQueueSize(QUEUE_SIZE);
		appender.setNeverBlock(neverBlock);
		if (blockWhenFull) {
			// Its default discards TRACE/DEBUG/INFO once the queue is 80 % full; zero keeps every event.
			appender.setDiscardingThreshold(0);
		}
		appender.addAppender(file);
		appender.start();
		return appender;
	}

	/** logstash's appender flushes its outputs at the end of every batch; tuned, that is the only flush. */
	private LoggingEventAsyncDisruptorAppender logstash(FileAppender<ILoggingEvent> file, boolean blockWhenFull) {
		LoggingEventAsyncDisruptorAppender appender = new LoggingEventAsyncDisruptorAppender();
		appender.setContext(this.logback);
		appender.setName("LOGSTASH_ASYNC");
		appender.setRingBufferSize(QUEUE_SIZE);
		appender.setAddDefaultStatusListener(false);
		if (blockWhenFull) {
			appender.setAppendTimeout(ch.qos.logback.core.util.Duration.buildByMilliseconds(-1));
		}
		appender.addAppender(file);
		appender.start();
		return appender;
	}

	private static BuiltConfiguration log4jConfiguration(Path file) {
		ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
		builder.setConfigurationName("bench-" + file.getFileName());
		AppenderComponentBuilder appender = builder.newAppender("FILE", "File")
			.addAttribute("fileName", file.toString())
			.addAttribute("append", false)
			.addAttribute("immediateFlush", false)
			.add(builder.newLayout("JsonTemplateLayout")
				.addAttribute("eventTemplateUri", "classpath:LogstashJsonEventLayoutV1.json"));
		builder.add(appender);
		builder.add(builder.newRootLogger(org.apache.logging.log4j.Level.INFO).add(builder.newAppenderRef("FILE")));
		return builder.build();
	}

	/**
	 * The ways of logging compared. "Tuned" turns off the file appender's flush after every event
	 * ({@code immediateFlush=false}), as the pipeline does for its outputs.
	 */
	enum Variant {

		/** The starter's pipeline: Disruptor queue, flush once per batch, per-level overflow policy. */
		PIPELINE(true),

		/** Logback's {@code AsyncAppender} with its default policy, the file flushed after every event. */
		LOGBACK_ASYNC(false),

		/**
		 * Logback's {@code AsyncAppender}, default policy, the file flushed only when its buffer fills: the
		 * appender has no end-of-batch hook, so this flushes less often than the pipeline does.
		 */
		LOGBACK_ASYNC_TUNED(true),

		/** Logback's {@code AsyncAppender} with {@code neverBlock=true}, the file flushed after every event. */
		LOGBACK_ASYNC_NEVER_BLOCK(false),

		/** Logback's {@code AsyncAppender} with {@code neverBlock=true}, the file flushed when its buffer fills. */
		LOGBACK_ASYNC_NEVER_BLOCK_TUNED(true),

		/** logstash-logback-encoder's {@code LoggingEventAsyncDisruptorAppender}, the file flushed every event. */
		LOGSTASH_DISRUPTOR(false),

		/** logstash-logback-encoder's {@code LoggingEventAsyncDisruptorAppender}, flushing once per batch. */
		LOGSTASH_DISRUPTOR_TUNED(true),

		/** The file appender on the caller's thread, flushing every event. */
		SYNC(false),

		/**
		 * The file appender on the caller's thread, flushing when its buffer fills: one thread that encodes and
		 * writes, the ceiling for a single writer thread.
		 */
		SYNC_TUNED(true),

		/**
		 * Log4j2 all-async loggers with {@code JsonTemplateLayout} and {@code immediateFlush=false} (flushed at the
		 * end of every batch), as the outside reference.
		 */
		LOG4J2_ASYNC(true);

		final boolean tuned;

		Variant(boolean tuned) {
			this.tuned = tuned;
		}

	}

}
