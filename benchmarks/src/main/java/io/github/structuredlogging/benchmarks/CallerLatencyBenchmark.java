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
 * overflow policy: the loop logs as fast as it can, so the queues fill and the policy (drop, or wait for the
 * writer) shows in the tail. Run with {@code -t 1} and {@code -t 4}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
		"-Dlog4j2.asyncLoggerRingBufferSize=8192", "-Dlog4j2.statusLoggerLevel=ERROR" })
@State(Scope.Benchmark)
public class CallerLatencyBenchmark {

	@Param({ "PIPELINE", "LOGBACK_ASYNC", "LOGBACK_ASYNC_NEVER_BLOCK", "LOGSTASH_DISRUPTOR", "SYNC", "LOG4J2_ASYNC" })
	public String variant;

	private LoggingSetup setup;

	@Setup(Level.Trial)
	public void start() {
		this.setup = new LoggingSetup(LoggingSetup.Variant.valueOf(this.variant), false);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.setup.close();
		this.setup.delete();
	}

	@Benchmark
	public void logInfo(Sequence sequence) {
		this.setup.log(sequence.next());
	}

	/**
	 * A per-thread event number, so the events differ as in an application.
	 */
	@State(Scope.Thread)
	public static class Sequence {

		private long value;

		long next() {
			return this.value++;
		}

	}

}
