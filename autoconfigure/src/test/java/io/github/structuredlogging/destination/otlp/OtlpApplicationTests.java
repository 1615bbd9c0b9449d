package io.github.structuredlogging.destination.otlp;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.github.structuredlogging.destination.otlp.OtlpReceiver.Received;
import io.github.structuredlogging.support.LoggingApplication;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * An {@code otlp} destination configured from properties as a user writes them, shipping to an OTLP/HTTP receiver
 * that decodes the requests with OpenTelemetry's own protobuf messages: severity, body, scope, attributes with their
 * types, trace context in the record's own fields, resource attributes from the application, masking.
 */
class OtlpApplicationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final String CARD = "4111111111111111";

	private final OtlpReceiver receiver = new OtlpReceiver();

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		MDC.clear();
		this.receiver.close();
	}

	@Test
	void shipsSeverityBodyAttributesTraceContextAndResourceAsOtlpLogRecords() {
		try (ConfigurableApplicationContext context = start("structured-logging.destinations.collector.level=info",
				"structured-logging.destinations.collector.otlp.endpoint=" + this.receiver.endpoint(),
				"structured-logging.destinations.collector.otlp.headers.Authorization=Bearer t0ken",
				"structured-logging.destinations.collector.otlp.resource-attributes[deployment.environment]=test",
				"management.opentelemetry.resource-attributes[service.version]=1.2.3",
				"management.opentelemetry.resource-attributes[deployment.environment]=overridden",
				"spring.application.group=shop")) {
			Logger logger = LoggerFactory.getLogger("com.acme.Orders");
			logger.debug("below the destination's level");
			MDC.put("correlationId", "corr-7");
			MDC.put("traceId", TRACE_ID);
			MDC.put("spanId", SPAN_ID);
			logger.atInfo()
				.addKeyValue("orderId", 42L)
				.addKeyValue("express", true)
				.addKeyValue("amount", 9.5d)
				.addKeyValue("customer", "alice")
				.addKeyValue("password", "hunter2-secret")
				.log("order {} paid with card {}", 42, CARD);
			MDC.clear();
			logger.error("payment failed", new IllegalStateException("card " + CARD + " declined"));
			await().atMost(Duration.ofSeconds(20)).until(() -> orders().size() >= 2);

			List<Received> records = orders();
			assertThat(records).hasSize(2);
			Received order = records.get(0);
			assertThat(order.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
			assertThat(order.record().getSeverityText()).isEqualTo("INFO");
			assertThat(order.record().getBody().getStringValue()).startsWith("order 42 paid with card ")
				.doesNotContain("411111");
			assertThat(order.scopeLogs().getScope().getName()).isEqualTo("com.acme.Orders");
			assertThat(order.record().getTimeUnixNano()).isPositive();
			assertThat(order.record().getObservedTimeUnixNano()).isGreaterThanOrEqualTo(order.record().getTimeUnixNano());
			assertThat(HexFormat.of().formatHex(order.record().getTraceId().toByteArray())).isEqualTo(TRACE_ID);
			assertThat(HexFormat.of().formatHex(order.record().getSpanId().toByteArray())).isEqualTo(SPAN_ID);
			assertThat(order.attribute("traceId")).as("the trace id travels in its own field").isNull();
			assertThat(order.attribute("spanId")).isNull();
			assertThat(order.text("correlationId")).isEqualTo("corr-7");
			assertThat(order.attribute("orderId").getIntValue()).isEqualTo(42L);
			assertThat(order.attribute("express").getBoolValue()).isTrue();
			assertThat(order.attribute("amount").getDoubleValue()).isEqualTo(9.5d);
			assertThat(order.text("customer")).as("a value that is no secret stays").isEqualTo("alice");
			assertThat(order.text("password")).as("a sensitive field name is masked").doesNotContain("hunter");
			assertThat(order.text("thread.name")).isEqualTo(Thread.currentThread().getName());

			Received failure = records.get(1);
			assertThat(failure.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
			assertThat(failure.record().getSeverityText()).isEqualTo("ERROR");
			assertThat(failure.record().getTraceId().isEmpty()).as("no trace, no trace id").isTrue();
			assertThat(failure.text("exception.type")).isEqualTo(IllegalStateException.class.getName());
			assertThat(failure.text("exception.message")).startsWith("card ").doesNotContain("411111");
			assertThat(failure.text("exception.stacktrace")).contains("OtlpApplicationTests").doesNotContain("411111");

			assertThat(order.resourceAttribute("service.name")).isEqualTo("test-service");
			assertThat(order.resourceAttribute("service.namespace")).isEqualTo("shop");
			assertThat(order.resourceAttribute("service.version")).isEqualTo("1.2.3");
			assertThat(order.resourceAttribute("deployment.environment"))
				.as("the destination's own attributes win over Spring Boot's")
				.isEqualTo("test");
			assertThat(this.receiver.contentEncodings()).containsOnly("gzip");
			assertThat(this.receiver.authorizations()).containsOnly("Bearer t0ken");
		}
	}

	@Test
	void fallsBackToSpringBootsOtlpLoggingEndpointAndHeaders() {
		try (ConfigurableApplicationContext context = start(
				"management.opentelemetry.logging.export.otlp.endpoint=" + this.receiver.endpoint(),
				"management.opentelemetry.logging.export.otlp.headers.Authorization=Basic Ym9vdA==",
				"structured-logging.destinations.collector.otlp.compression=none")) {
			LoggerFactory.getLogger("com.acme.Orders").warn("shipped where Spring Boot ships logs");
			await().atMost(Duration.ofSeconds(20)).until(() -> !orders().isEmpty());
			assertThat(orders().get(0).record().getBody().getStringValue())
				.isEqualTo("shipped where Spring Boot ships logs");
			assertThat(this.receiver.authorizations()).containsOnly("Basic Ym9vdA==");
			assertThat(this.receiver.contentEncodings()).containsOnly("null");
		}
	}

	@Test
	void refusesAnUnknownCompressionNamingTheProperty() {
		assertThatException().isThrownBy(() -> start("structured-logging.destinations.collector.otlp.compression=zstd")
			.close()).withStackTraceContaining("structured-logging.destinations.collector.otlp.compression");
	}

	/**
	 * What the test logged, without the application's start-up events.
	 */
	private List<Received> orders() {
		return this.receiver.records()
			.stream()
			.filter((received) -> received.scopeLogs().getScope().getName().equals("com.acme.Orders"))
			.toList();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		String[] all = new String[properties.length + 2];
		all[0] = "structured-logging.destinations.collector.type=otlp";
		all[1] = "structured-logging.destinations.collector.spill.enabled=false";
		System.arraycopy(properties, 0, all, 2, properties.length);
		return LoggingApplication.start(all);
	}

}
