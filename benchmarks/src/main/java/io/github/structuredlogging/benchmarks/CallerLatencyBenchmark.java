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
 * Time a caller spends in one {@code logger.info(...)} call, sampled (p50, p99, p99.9), with each variant's own
 * overflow policy: the loop logs as fast as it can, so the queues fill and the policy shows in the tail. A variant
 * that drops more returns sooner, so the fraction each one dropped (events logged against lines in the file after
 * the drain) is printed at the end of its run, to be read beside its latency. Log4j2 runs with its {@code Discard}
 * queue-full policy (INFO and below discarded when the ring buffer is full), like the dropping variants; the
 * synchronous appender is the tuned one. Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
		"-Dlog4j2.asyncLoggerRingBufferSize=8192", "-Dlog4j2.statusLoggerLevel=ERROR",
		"-Dlog4j2.asyncQueueFullPolicy=Discard", "-Dlog4j2.discardThreshold=INFO" })
@State(Scope.Benchmark)
public class CallerLatencyBenchmark {

	@Param({ "PIPELINE", "LOGBACK_ASYNC", "LOGBACK_ASYNC_TUNED", "LOGBACK_ASYNC_NEVER_BLOCK",
			"LOGBACK_ASYNC_NEVER_BLOCK_TUNED", "LOGSTASH_DISRUPTOR", "LOGSTASH_DISRUPTOR_TUNED", "SYNC_TUNED",
			"LOG4J2_ASYNC" })
	public String variant;

	private LoggingSetup setup;

	@Setup(Level.Trial)
	public void start() {
		this.setup = new LoggingSetup(LoggingSetup.Variant.valueOf(this.variant), false);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.setup.closeAndPrintDropFraction();
	}

	@Benchmark
	public void logInfo(Callers callers) {
		this.setup.log(callers.next());
	}

}
