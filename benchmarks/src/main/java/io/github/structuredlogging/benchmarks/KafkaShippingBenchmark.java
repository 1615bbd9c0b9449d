package io.github.structuredlogging.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Events per second shipped to a Kafka broker (a KRaft broker in a JVM of its own, so that only the application's
 * side counts in {@code -prof gc}), counted as the broker acknowledges them: each invocation logs a burst of
 * {@value #BURST} events and returns once the producer's callbacks have reported all of them delivered. None may
 * drop (the buffers hold a burst; a drop fails the run). {@code acks=1}: the leader's acknowledgement;
 * {@code acks=all}: every in-sync replica's, with idempotence.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class KafkaShippingBenchmark {

	static final int BURST = 10_000;

	@Benchmark
	@OperationsPerInvocation(BURST)
	public void shipBurst(Shipping shipping) {
		long target = shipping.shipping.delivered() + BURST;
		for (int i = 0; i < BURST; i++) {
			shipping.shipping.logger.info("Order {} placed for {}", ++shipping.sequence, "book");
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (shipping.shipping.delivered() < target) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Delivered " + shipping.shipping.delivered() + " of " + target);
			}
			LockSupport.parkNanos(20_000);
		}
	}

	/**
	 * The broker, and the pipeline shipping to it with one {@code acks} setting.
	 */
	@State(Scope.Benchmark)
	public static class Shipping {

		@Param({ "1", "all" })
		public String acks;

		KafkaBrokerMain.Broker broker;

		KafkaShipping shipping;

		long sequence;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.broker = KafkaBrokerMain.start();
			this.shipping = new KafkaShipping(this.broker.bootstrapServers(), this.acks, 2 * BURST, null);
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			long dropped = this.shipping.dropped();
			this.shipping.close();
			this.broker.close();
			if (dropped != 0) {
				throw new IllegalStateException("Dropped " + dropped + " events in a zero-drop run");
			}
		}

	}

}
