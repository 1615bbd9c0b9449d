package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sustained end-to-end throughput to the file with zero drops: every variant is set to wait for queue space
 * rather than drop, so callers run at the rate the writer gets events into the file. {@link #encoderOnly} is the
 * bound: the same events encoded by the same JSON encoder into a null stream, one thread, no queue, no file.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
		"-Dlog4j2.asyncLoggerRingBufferSize=8192", "-Dlog4j2.statusLoggerLevel=ERROR" })
public class ThroughputBenchmark {

	@Benchmark
	public void logInfo(Pipeline pipeline, CallerLatencyBenchmark.Sequence sequence) {
		pipeline.setup.log(sequence.next());
	}

	@Benchmark
	public void encoderOnly(EncoderState state, CallerLatencyBenchmark.Sequence sequence) throws IOException {
		long seq = sequence.next();
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), state.logger, Level.INFO,
				"Order {} placed for {}", null, new Object[] { seq, "book" });
		state.sink.write(state.encoder.encode(event));
	}

	/**
	 * The variant under test, blocking instead of dropping.
	 */
	@State(Scope.Benchmark)
	public static class Pipeline {

		@Param({ "PIPELINE", "LOGBACK_ASYNC", "LOGSTASH_DISRUPTOR", "SYNC", "LOG4J2_ASYNC" })
		public String variant;

		LoggingSetup setup;

		@Setup
		public void start() {
			this.setup = new LoggingSetup(LoggingSetup.Variant.valueOf(this.variant), true);
		}

		@TearDown
		public void stop() {
			long dropped = this.setup.droppedByPipeline();
			this.setup.close();
			this.setup.delete();
			if (dropped != 0) {
				throw new IllegalStateException("Dropped " + dropped + " events in a zero-drop run");
			}
		}

	}

	/**
	 * The JSON encoder alone.
	 */
	@State(Scope.Thread)
	public static class EncoderState {

		LoggerContext context;

		Logger logger;

		Encoder<ILoggingEvent> encoder;

		final OutputStream sink = OutputStream.nullOutputStream();

		@Setup
		public void start() {
			this.context = new LoggerContext();
			this.context.setMDCAdapter(new LogbackMDCAdapter());
			this.logger = this.context.getLogger("bench.orders");
			this.encoder = new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "bench").create(this.context);
			this.encoder.start();
		}

	}

}
