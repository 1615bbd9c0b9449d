package io.github.structuredlogging.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.format.StructuredJsonEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.event.KeyValuePair;

/**
 * The cost of the default masking per event: the same encoder, built by the starter's {@link JsonEncoderFactory},
 * with masking on (the default) and off, encoding a typical request event. A second event carries secrets, so the
 * cost of actually replacing them shows too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaskingBenchmark {

	private LoggerContext context;

	private StructuredJsonEncoder maskingOff;

	private StructuredJsonEncoder defaultMasking;

	private LoggingEvent typicalEvent;

	private LoggingEvent eventWithSecrets;

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		MaskingProperties off = new MaskingProperties();
		off.setEnabled(false);
		this.maskingOff = encoder(off);
		this.defaultMasking = encoder(new MaskingProperties());
		this.typicalEvent = event("Order {} placed for {} items", "7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42", 3);
		this.typicalEvent.addKeyValuePair(new KeyValuePair("item", "book"));
		this.typicalEvent.addKeyValuePair(new KeyValuePair("quantity", 3));
		this.typicalEvent.addKeyValuePair(new KeyValuePair("amount", 42.5));
		this.eventWithSecrets = event("login password={} paid with {}", "hunter2", "4111 1111 1111 1111");
		this.eventWithSecrets.addKeyValuePair(new KeyValuePair("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"));
		this.eventWithSecrets.addKeyValuePair(new KeyValuePair("quantity", 3));
	}

	@TearDown
	public void tearDown() {
		this.maskingOff.stop();
		this.defaultMasking.stop();
		this.context.stop();
	}

	@Benchmark
	public byte[] maskingOff() {
		return this.maskingOff.encode(this.typicalEvent);
	}

	@Benchmark
	public byte[] defaultMasking() {
		return this.defaultMasking.encode(this.typicalEvent);
	}

	@Benchmark
	public byte[] maskingOffWithSecrets() {
		return this.maskingOff.encode(this.eventWithSecrets);
	}

	@Benchmark
	public byte[] defaultMaskingWithSecrets() {
		return this.defaultMasking.encode(this.eventWithSecrets);
	}

	private StructuredJsonEncoder encoder(MaskingProperties masking) {
		StructuredJsonEncoder encoder = new JsonEncoderFactory(new LimitsProperties(), masking, "order-service")
			.create(this.context);
		encoder.start();
		return encoder;
	}

	private LoggingEvent event(String message, Object... arguments) {
		LoggingEvent event = new LoggingEvent(MaskingBenchmark.class.getName(),
				this.context.getLogger("io.github.structuredlogging.sample.order.OrderService"), Level.INFO, message,
				null, arguments);
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("correlation_id", "abc-123");
		mdc.put("request_id", "62d2a533-0b90-47d6-b32c-0a559d3cb052");
		mdc.put("user_id", "user-42");
		event.setMDCPropertyMap(mdc);
		event.setThreadName("http-nio-8080-exec-1");
		return event;
	}

}
