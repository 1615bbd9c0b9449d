package io.github.structuredlogging.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 * Time a caller spends in one log call while the Kafka broker is up, and after it was killed ({@code DOWN}),
 * sampled (p50, p99, p99.9). Every tenth event is a WARN, which the destination spills to its file while the broker
 * is down; INFO beyond the destination's buffer is dropped and counted. The drops are printed at the end of the
 * trial, beside the latency.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class KafkaOutageLatencyBenchmark {

	@Param({ "UP", "DOWN" })
	public String broker;

	private KafkaBrokerMain.Broker running;

	private KafkaShipping shipping;

	private Path spillDirectory;

	private long sequence;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.running = KafkaBrokerMain.start();
		this.spillDirectory = Files.createTempDirectory("kafka-outage");
		this.shipping = new KafkaShipping(this.running.bootstrapServers(), "all", 10_000,
				this.spillDirectory.resolve("bench.spill"));
		this.shipping.logger.info("connected");
		while (this.shipping.delivered() < 1) {
			LockSupport.parkNanos(1_000_000);
		}
		if ("DOWN".equals(this.broker)) {
			this.running.close();
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		System.out.println("broker " + this.broker + ": dropped " + this.shipping.dropped() + ", spilled WARN "
				+ this.shipping.destination.getSpilled(ch.qos.logback.classic.Level.WARN) + ", delivered "
				+ this.shipping.delivered() + ", accepted " + this.shipping.pipeline.getTotalAccepted());
		this.shipping.close();
		this.running.close();
		try (var files = Files.list(this.spillDirectory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(this.spillDirectory);
	}

	@Benchmark
	public void log() {
		long seq = ++this.sequence;
		if (seq % 10 == 0) {
			this.shipping.logger.warn("Order {} delayed", seq);
		}
		else {
			this.shipping.logger.info("Order {} placed for {}", seq, "book");
		}
	}

}
