package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.output.EventBuffer;
import net.logstash.logback.encoder.StreamingEncoder;
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
 * Sustained end-to-end throughput to the file with zero drops: every variant is set to wait for queue space
 * rather than drop, so callers run at the rate the writer gets events into the file. After the run every variant's
 * file is checked to hold every event logged, so a variant that dropped fails the run. {@code SYNC_TUNED} (one
 * thread encoding and writing to the file, flushing when the buffer fills) is the ceiling for one writer thread;
 * {@link #encoderOnly} is the encoding alone: the same events, the same encoder, a null stream, through Logback's
 * {@code Encoder.encode} (a {@code byte[]} per event); {@link #encoderIntoBuffer} the same into a reusable buffer,
 * as the pipeline's writer encodes.
 * <p>
 * Run with {@code -prof gc -prof io.github.structuredlogging.benchmarks.CpuPerEventProfiler} for allocation and
 * CPU time per event across all threads: each iteration ends only once the variant's writer has drained its queue.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
		"-Dlog4j2.asyncLoggerRingBufferSize=8192", "-Dlog4j2.statusLoggerLevel=ERROR" })
public class ThroughputBenchmark {

	private static final int BUFFER_BYTES = 8192;

	@Benchmark
	public void logInfo(Pipeline pipeline, Callers callers) {
		pipeline.setup.log(callers.next());
	}

	@Benchmark
	public void encoderOnly(EncoderState state, Callers callers) throws IOException {
		long seq = callers.next();
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), state.logger, ch.qos.logback.classic.Level.INFO,
				"Order {} placed for {}", null, new Object[] { seq, "book" });
		state.sink.write(state.encoder.encode(event));
	}

	/**
	 * The encoding alone as the pipeline does it: straight into a reusable buffer, handed to the stream once it
	 * holds 8 KB, with no {@code byte[]} per event.
	 */
	@Benchmark
	public void encoderIntoBuffer(EncoderState state, Callers callers) throws IOException {
		long seq = callers.next();
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), state.logger, ch.qos.logback.classic.Level.INFO,
				"Order {} placed for {}", null, new Object[] { seq, "book" });
		((StreamingEncoder<ILoggingEvent>) state.encoder).encode(event, state.buffer);
		if (state.buffer.size() >= BUFFER_BYTES) {
			state.buffer.writeTo(state.sink);
		}
	}

	/**
	 * The variant under test, blocking instead of dropping.
	 */
	@State(Scope.Benchmark)
	public static class Pipeline {

		@Param({ "PIPELINE", "LOGBACK_ASYNC", "LOGBACK_ASYNC_TUNED", "LOGSTASH_DISRUPTOR", "LOGSTASH_DISRUPTOR_TUNED",
				"SYNC", "SYNC_TUNED", "LOG4J2_ASYNC" })
		public String variant;

		LoggingSetup setup;

		@Setup(Level.Trial)
		public void start() {
			this.setup = new LoggingSetup(LoggingSetup.Variant.valueOf(this.variant), true);
		}

		@TearDown(Level.Iteration)
		public void drain() {
			this.setup.awaitDrained();
		}

		@TearDown(Level.Trial)
		public void stop() {
			long written = this.setup.linesWritten();
			long logged = Callers.totalLogged();
			this.setup.delete();
			System.out.printf("%nzero-drop check %s: logged %d, in the file %d%n", this.variant, logged, written);
			if (written != logged) {
				throw new IllegalStateException(this.variant + " lost " + (logged - written) + " of " + logged
						+ " events in a run that must not drop");
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

		final EventBuffer buffer = new EventBuffer(BUFFER_BYTES);

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
