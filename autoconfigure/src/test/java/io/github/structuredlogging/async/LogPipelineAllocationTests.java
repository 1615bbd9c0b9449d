package io.github.structuredlogging.async;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.structuredlogging.support.AllocationMeter;
import io.github.structuredlogging.support.TypicalEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage made per event from the logging call to the bytes in the output, across the caller's and the writer's
 * threads, for a typical request event. The queue must not add garbage to what writing the same event on the
 * caller's thread makes (through the same output, {@link AppenderOutput}, which encodes into the output's buffer, so
 * the difference is the queue's alone), and the whole path has a budget of its own, so a change that adds garbage
 * anywhere on it fails the build with the measured figure. The pipeline's budget is the largest figure measured
 * when it was set plus about 10 %: 848 to 2 256 B for the same path, depending on how much of it the JIT had
 * compiled when the rounds stopped falling (C2 still removes the message's intermediate arrays with escape analysis
 * off); see {@code benchmarks/README.md}.
 */
class LogPipelineAllocationTests {

	/** Logging call to bytes in the output through the pipeline: bytes allocated per event at most. */
	static final int PIPELINE_BUDGET_BYTES = 2480;

	/** What the queue may add over writing on the caller's thread: nothing, give or take measuring noise. */
	static final int QUEUE_BUDGET_BYTES = 2;

	private static final int EVENTS = 10_000;

	private static final int QUIET_EVENTS = 300;

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final Logger logger = this.context.getLogger(TypicalEvents.LOGGER);

	@AfterEach
	void stop() {
		MDC.clear();
		this.context.stop();
	}

	@Test
	void thePipelineAddsNoGarbageToWritingOnTheCallersThread() {
		double synchronous = bytesPerEventThrough(writtenOnTheCallersThread("SYNC"), List.of());
		LogPipelineAppender pipeline = pipeline("QUEUED");
		double queued = bytesPerEventThrough(pipeline, List.of(writerThread(pipeline)));
		assertThat(pipeline.getWritten(Level.INFO)).isEqualTo(pipeline.getTotalAccepted()).isPositive();
		assertThat(queued).as("bytes per event through the pipeline").isLessThanOrEqualTo(PIPELINE_BUDGET_BYTES);
		assertThat(queued - synchronous).as("bytes per event the queue adds to the synchronous %.0f", synchronous)
			.isLessThanOrEqualTo(QUEUE_BUDGET_BYTES);
	}

	@Test
	void oneEventBatchesOfAQuietApplicationAddNoGarbageEither() {
		double synchronous = bytesPerEventThrough(writtenOnTheCallersThread("SYNC"), List.of(), QUIET_EVENTS,
				false);
		LogPipelineAppender pipeline = pipeline("QUIET");
		double queued = bytesPerEventThrough(pipeline, List.of(writerThread(pipeline)), QUIET_EVENTS, true);
		assertThat(pipeline.getWritten(Level.INFO)).isEqualTo(pipeline.getTotalAccepted()).isPositive();
		assertThat(queued - synchronous).as("bytes per event the queue adds to the synchronous %.0f", synchronous)
			.isLessThanOrEqualTo(QUEUE_BUDGET_BYTES);
	}

	@Test
	void garbageOnTheWriterThreadShowsInTheMeasure() {
		LogPipelineAppender plain = pipeline("PLAIN");
		double plainBytes = bytesPerEventThrough(plain, List.of(writerThread(plain)));
		LogPipelineAppender pipeline = pipeline("WITH_GARBAGE");
		pipeline.addListener(new LogPipelineListener() {
			@Override
			public void batchWritten(LogPipelineAppender appender, long events, long flushNanos) {
				for (long i = 0; i < events; i++) {
					new StringBuilder(64).append(i);
				}
			}
		});
		double withGarbage = bytesPerEventThrough(pipeline, List.of(writerThread(pipeline)));
		assertThat(pipeline.getWritten(Level.INFO)).isEqualTo(pipeline.getTotalAccepted()).isPositive();
		assertThat(withGarbage - plainBytes).as("a StringBuilder per event on the writer").isGreaterThan(QUEUE_BUDGET_BYTES);
	}

	private double bytesPerEventThrough(Appender<ILoggingEvent> appender, List<Thread> writers) {
		return bytesPerEventThrough(appender, writers, EVENTS, false);
	}

	/**
	 * Logs the typical event through the appender, measuring the caller's and the writers' allocation.
	 * @param oneAtATime whether to wait for each event to be flushed before the next, so that every batch holds
	 * one event, as in a quiet application
	 */
	private double bytesPerEventThrough(Appender<ILoggingEvent> appender, List<Thread> writers, int events,
			boolean oneAtATime) {
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.detachAndStopAllAppenders();
		root.setLevel(Level.INFO);
		root.addAppender(appender);
		TypicalEvents.mdc().forEach(MDC::put);
		List<Thread> threads = new ArrayList<>(writers);
		threads.add(Thread.currentThread());
		Map<String, Object> keyValues = TypicalEvents.keyValues();
		return AllocationMeter.bytesPerEvent(events, threads, () -> {
			for (int i = 0; i < events; i++) {
				LoggingEventBuilder event = this.logger.atInfo();
				keyValues.forEach(event::addKeyValue);
				event.log(TypicalEvents.MESSAGE, "7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42", i);
				if (oneAtATime) {
					awaitFlushed(appender);
				}
			}
			awaitFlushed(appender);
		});
	}

	/** Allocates nothing itself, as it runs inside the measurement. */
	private static void awaitFlushed(Appender<ILoggingEvent> appender) {
		if (appender instanceof LogPipelineAppender pipeline && !pipeline.awaitFlushed(FLUSH_TIMEOUT)) {
			throw new AssertionError("Pipeline not flushed within " + FLUSH_TIMEOUT);
		}
	}

	private LogPipelineAppender pipeline(String name) {
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setName(name);
		// Waiting for space keeps every event, so the count of events measured is the count written.
		pipeline.setAppendTimeout(Duration.ofMinutes(1));
		pipeline.addAppender(output("OUT"));
		pipeline.start();
		return pipeline;
	}

	private Appender<ILoggingEvent> output(String name) {
		return PipelineTestSupport.output(this.context, name, OutputStream.nullOutputStream());
	}

	/**
	 * What the pipeline's writer does with an event, done on the caller's thread: the event written to the same kind
	 * of output and flushed.
	 */
	private Appender<ILoggingEvent> writtenOnTheCallersThread(String name) {
		AppenderOutput output = new AppenderOutput(output(name));
		UnsynchronizedAppenderBase<ILoggingEvent> appender = new UnsynchronizedAppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				EventPreparation.prepare(event);
				output.write(event);
				output.flush();
			}
		};
		appender.setContext(this.context);
		appender.setName(name);
		appender.start();
		return appender;
	}

	private static Thread writerThread(LogPipelineAppender pipeline) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("structured-logging-" + pipeline.getName()))
			.findFirst()
			.orElseThrow();
	}

}
