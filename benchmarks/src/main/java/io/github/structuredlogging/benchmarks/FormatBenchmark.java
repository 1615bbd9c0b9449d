package io.github.structuredlogging.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.format.EventFieldContributions;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogEventFieldContributor;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Each format Spring Boot also writes, encoded by the starter's encoder (as shipped: default bounds and masking)
 * and by Boot's own {@link StructuredLogEncoder}, on the same typical request event. Run with {@code -prof gc} for
 * the allocation per event ({@code gc.alloc.rate.norm}). {@code starterWithContributedFields} adds the cost of
 * {@link LogEventFieldContributor}s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FormatBenchmark {

	@Param({ "ecs", "logstash", "gelf" })
	public String format;

	private LoggerContext context;

	private Encoder<ILoggingEvent> starter;

	private StructuredLogEncoder boot;

	private LoggerContext contributingContext;

	private Encoder<ILoggingEvent> starterWithContributedFields;

	private LoggingEvent event;

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("benchmark", Map.of("spring.application.name", "order-service")));
		this.context.putObject(Environment.class.getName(), environment);
		this.starter = LogFormat.valueOf(this.format.toUpperCase())
			.createEncoder(new FormatContext(this.context, Binder.get(environment), new LimitsProperties(),
					new MaskingProperties(), "order-service"));
		this.starter.start();
		this.contributingContext = new LoggerContext();
		this.contributingContext.putObject(Environment.class.getName(), environment);
		EventFieldContributions.of(this.contributingContext)
			.register(List.of(LogEventFieldContributor.fixed("region", "eu-west-1"),
					(event, fields) -> fields.accept("severity_class",
							event.getLevel().isGreaterOrEqual(Level.WARN) ? "alert" : "routine")));
		this.starterWithContributedFields = LogFormat.valueOf(this.format.toUpperCase())
			.createEncoder(new FormatContext(this.contributingContext, Binder.get(environment),
					new LimitsProperties(), new MaskingProperties(), "order-service"));
		this.starterWithContributedFields.start();
		this.boot = new StructuredLogEncoder();
		this.boot.setContext(this.context);
		this.boot.setFormat(this.format);
		this.boot.start();
		this.event = typicalEvent(this.context);
	}

	@TearDown
	public void tearDown() {
		this.starter.stop();
		this.starterWithContributedFields.stop();
		this.boot.stop();
		this.context.stop();
		this.contributingContext.stop();
	}

	@Benchmark
	public byte[] starter() {
		return this.starter.encode(this.event);
	}

	/**
	 * The starter's encoder with two {@link LogEventFieldContributor}s registered: one fixed field, one computed
	 * from the event.
	 */
	@Benchmark
	public byte[] starterWithContributedFields() {
		return this.starterWithContributedFields.encode(this.event);
	}

	@Benchmark
	public byte[] boot() {
		return this.boot.encode(this.event);
	}

	static LoggingEvent typicalEvent(LoggerContext context) {
		LoggingEvent event = new LoggingEvent(FormatBenchmark.class.getName(),
				context.getLogger("io.github.structuredlogging.sample.order.OrderService"), Level.INFO,
				"Order {} placed for {} items", null, new Object[] { "7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42", 3 });
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("correlation_id", "6b0caa66eb4ed0198b61f7a94480cfd4");
		mdc.put("request_id", "62d2a533-0b90-47d6-b32c-0a559d3cb052");
		mdc.put("traceId", "6b0caa66eb4ed0198b61f7a94480cfd4");
		mdc.put("spanId", "8b61f7a94480cfd4");
		event.setMDCPropertyMap(mdc);
		event.addKeyValuePair(new KeyValuePair("item", "book"));
		event.addKeyValuePair(new KeyValuePair("quantity", 3));
		event.addKeyValuePair(new KeyValuePair("amount", 42.5));
		event.setThreadName("http-nio-8080-exec-1");
		return event;
	}

}
