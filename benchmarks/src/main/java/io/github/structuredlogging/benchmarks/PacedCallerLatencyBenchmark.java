package io.github.structuredlogging.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time a caller spends in one {@code logger.info(...)} call when the application logs at a steady rate the writer
 * keeps up with, which is how a service logs outside an overload: every call is queued, none is dropped, so the
 * variants are compared at the same drop fraction (zero, printed at the end of each fork to show it). Between two
 * calls each caller spins for {@link #pauseMicros}, outside the timed call, as a thread doing its own work would;
 * the writer has emptied the queue and waits by then, so a variant whose callers wake it pays for that on every
 * call. Log4j2 runs as in {@link CallerLatencyBenchmark}. Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
		"-Dlog4j2.asyncLoggerRingBufferSize=8192", "-Dlog4j2.statusLoggerLevel=ERROR",
		"-Dlog4j2.asyncQueueFullPolicy=Discard", "-Dlog4j2.discardThreshold=INFO" })
@State(Scope.Benchmark)
public class PacedCallerLatencyBenchmark {

	@Param({ "PIPELINE", "LOGBACK_ASYNC_TUNED", "LOGBACK_ASYNC_NEVER_BLOCK_TUNED", "LOGSTASH_DISRUPTOR_TUNED",
			"LOG4J2_ASYNC" })
	public String variant;

	/** Time each caller spends between two logging calls. */
	@Param({ "20" })
	public long pauseMicros;

	private LoggingSetup setup;

	@Setup(Level.Trial)
	public void start() {
		this.setup = new LoggingSetup(LoggingSetup.Variant.valueOf(this.variant), false);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.setup.closeAndPrintDropFraction();
	}

	/** Runs before every call and is not part of its time. */
	@Setup(Level.Invocation)
	public void pause() {
		long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(this.pauseMicros);
		while (System.nanoTime() - until < 0) {
			Thread.onSpinWait();
		}
	}

	@Benchmark
	public void logInfo(Callers callers) {
		this.setup.log(callers.next());
	}

}
