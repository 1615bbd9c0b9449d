package io.github.structuredlogging.benchmarks;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.binding.BoundLogger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO event carrying the same three pairs, written three ways: through a {@link BoundLogger} with the pairs
 * bound, through SLF4J's fluent API adding them per call, and through the MDC put around a plain call. With
 * {@code level=disabled} the logger is at WARN, so the INFO call is dropped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BoundLoggerBenchmark {

	@Param({ "enabled", "disabled" })
	public String level;

	private Logger logger;

	private BoundLogger bound;

	private String orderId = "order-1250";

	@Setup
	public void setUp() {
		DiscardingLogback.configure("enabled".equals(this.level) ? Level.INFO : Level.WARN);
		this.logger = LoggerFactory.getLogger("io.github.structuredlogging.benchmarks.Payments");
		this.bound = BoundLogger.of(this.logger)
			.bind("component", "payments")
			.bind("version", "1.4.2")
			.bind("tenant", "acme");
	}

	@Benchmark
	public void boundLogger() {
		this.bound.info("Charged {}", this.orderId);
	}

	@Benchmark
	public void slf4jFluent() {
		this.logger.atInfo()
			.addKeyValue("component", "payments")
			.addKeyValue("version", "1.4.2")
			.addKeyValue("tenant", "acme")
			.log("Charged {}", this.orderId);
	}

	@Benchmark
	public void slf4jMdc() {
		MDC.put("component", "payments");
		MDC.put("version", "1.4.2");
		MDC.put("tenant", "acme");
		try {
			this.logger.info("Charged {}", this.orderId);
		}
		finally {
			MDC.remove("component");
			MDC.remove("version");
			MDC.remove("tenant");
		}
	}

}
