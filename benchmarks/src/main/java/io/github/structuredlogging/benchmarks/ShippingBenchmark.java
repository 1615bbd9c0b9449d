package io.github.structuredlogging.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.LogDestination;
import io.github.structuredlogging.destination.logstash.LogstashConnectionStrategy;
import io.github.structuredlogging.destination.logstash.LogstashTcpDestination;
import io.github.structuredlogging.destination.syslog.Rfc5424Message;
import io.github.structuredlogging.destination.syslog.SyslogDestination;
import io.github.structuredlogging.destination.syslog.SyslogFacility;
import io.github.structuredlogging.destination.syslog.SyslogTransport;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
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
 * Events per second shipped over TCP to a local collector, counted where they arrive: each invocation logs a burst
 * of {@value #BURST} events and returns once the collector has all of them, so no variant is credited for events
 * still queued, and none may drop (every buffer holds a burst; a drop fails the run). Every variant encodes with the
 * starter's JSON encoder. {@code SYSLOG}: the starter's pipeline with a syslog destination (RFC 5424, octet
 * counting), which keeps per-level, per-destination accounts; {@code LOGSTASH}: the same pipeline with its
 * Logstash TCP destination (JSON lines); {@code LOGSTASH_TCP}: logstash-logback-encoder's own
 * {@link LogstashTcpSocketAppender} (JSON lines). The collector is an in-process counting receiver
 * ({@code TCP_RECEIVER}) or a real syslog-ng ({@code SYSLOG_NG}, needs the {@code syslog-ng} binary).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class ShippingBenchmark {

	static final int BURST = 10_000;

	@Benchmark
	@OperationsPerInvocation(BURST)
	public void shipBurst(Shipping shipping) {
		long target = shipping.arrived() + BURST;
		for (int i = 0; i < BURST; i++) {
			shipping.logger.info("Order {} placed for {}", ++shipping.sequence, "book");
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (shipping.arrived() < target) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Collector got " + shipping.arrived() + " of " + target);
			}
			LockSupport.parkNanos(20_000);
		}
	}

	/**
	 * One variant, its receiver and its logger.
	 */
	@State(Scope.Benchmark)
	public static class Shipping {

		@Param({ "SYSLOG", "LOGSTASH", "LOGSTASH_TCP" })
		public String variant;

		@Param({ "TCP_RECEIVER", "SYSLOG_NG" })
		public String collector;

		CountingReceiver receiver;

		SyslogNgCollector syslogNg;

		LoggerContext context;

		Logger logger;

		LogPipelineAppender pipeline;

		DestinationOutput destination;

		long sequence;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.context = new LoggerContext();
			this.context.setMDCAdapter(new LogbackMDCAdapter());
			this.context.start();
			this.logger = this.context.getLogger("bench.orders");
			this.logger.setAdditive(false);
			boolean syslog = "SYSLOG".equals(this.variant);
			int port;
			if ("SYSLOG_NG".equals(this.collector)) {
				this.syslogNg = new SyslogNgCollector();
				port = syslog ? this.syslogNg.syslogPort() : this.syslogNg.linesPort();
			}
			else {
				this.receiver = new CountingReceiver(syslog);
				port = this.receiver.port();
			}
			switch (this.variant) {
				case "SYSLOG" -> startPipeline(new SyslogDestination(
						new Rfc5424Message(SyslogFacility.USER, "bench-host", "bench", "1"), "127.0.0.1", port,
						SyslogTransport.TCP, false, Duration.ofSeconds(5)));
				case "LOGSTASH" -> startPipeline(new LogstashTcpDestination("127.0.0.1:" + port,
						LogstashConnectionStrategy.PREFER_PRIMARY.create(null), false, Duration.ofSeconds(5)));
				default -> startLogstashAppender(port);
			}
		}

		long arrived() {
			return (this.syslogNg != null) ? this.syslogNg.messages() : this.receiver.messages();
		}

		private void startPipeline(LogDestination protocol) throws Exception {
			this.destination = new DestinationOutput(this.variant, protocol, encoder(), ch.qos.logback.classic.Level.TRACE,
					new DeliverySettings(2 * BURST, 512, null, ch.qos.logback.classic.Level.WARN, 0,
							Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
			this.destination.setContext(this.context);
			this.destination.start();
			this.pipeline = new LogPipelineAppender();
			this.pipeline.setContext(this.context);
			this.pipeline.setQueueSize(16384);
			this.pipeline.addOutput(this.destination);
			this.pipeline.start();
			this.logger.addAppender(this.pipeline);
		}

		private void startLogstashAppender(int port) {
			LogstashTcpSocketAppender appender = new LogstashTcpSocketAppender();
			appender.setContext(this.context);
			appender.setName("LOGSTASH");
			appender.addDestination("127.0.0.1:" + port);
			appender.setEncoder(encoder());
			appender.setRingBufferSize(16384);
			// Block rather than drop, as the pipeline's buffers hold every burst.
			appender.setAppendTimeout(new ch.qos.logback.core.util.Duration(-1));
			appender.start();
			this.logger.addAppender(appender);
		}

		private Encoder<ILoggingEvent> encoder() {
			Encoder<ILoggingEvent> encoder = new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(),
					"bench")
				.create(this.context);
			encoder.start();
			return encoder;
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			long dropped = 0;
			if (this.pipeline != null) {
				dropped = this.pipeline.getTotalDropped()
						+ this.destination.getDropped(ch.qos.logback.classic.Level.INFO);
			}
			this.context.stop();
			if (this.receiver != null) {
				this.receiver.close();
			}
			if (this.syslogNg != null) {
				this.syslogNg.close();
			}
			if (dropped != 0) {
				throw new IllegalStateException("Dropped " + dropped + " events in a zero-drop run");
			}
		}

	}

}
