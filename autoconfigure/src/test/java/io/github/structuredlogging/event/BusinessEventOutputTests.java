package io.github.structuredlogging.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BusinessEventOutputTests {

	@Test
	void writesAFluentEventWithItsTypeAndFields(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			try (MdcScope scope = MdcScope.open(Map.of("correlation_id", "corr-1"))) {
				context.getBean(BusinessEventLogger.class)
					.event("routine_generated")
					.with("user_id", "u-1")
					.with("exercises_count", 8)
					.log();
			}
		}
		List<JsonNode> events = JsonLogLines.of(output).withField("event_type", "routine_generated");
		assertThat(events).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(event.get("logger").asString()).isEqualTo("business");
		assertThat(event.get("level").asString()).isEqualTo("INFO");
		assertThat(event.get("message").asString()).isEqualTo("routine_generated");
		assertThat(event.get("user_id").asString()).isEqualTo("u-1");
		assertThat(event.get("exercises_count").asInt()).isEqualTo(8);
		assertThat(event.get("correlation_id").asString()).isEqualTo("corr-1");
	}

	@Test
	void writesARecordWithOneFieldPerComponent(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			BusinessEventLogger events = context.getBean(BusinessEventLogger.class);
			events.log(new RoutineGenerated("u-2", 8));
			events.log(new PaymentCaptured("o-9", new BigDecimal("12.50")));
		}
		JsonLogLines lines = JsonLogLines.of(output);
		JsonNode routine = lines.withField("event_type", "routine_generated").get(0);
		assertThat(routine.get("logger").asString()).isEqualTo("business");
		assertThat(routine.get("user_id").asString()).isEqualTo("u-2");
		assertThat(routine.get("exercises_count").asInt()).isEqualTo(8);
		JsonNode payment = lines.withField("event_type", "payment.captured").get(0);
		assertThat(payment.get("order_id").asString()).isEqualTo("o-9");
		assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("12.50");
	}

	@Test
	void writesToTheConfiguredLoggerAndTypeField(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.events.logger-name=audit",
				"structured-logging.events.type-field=kind")) {
			context.getBean(BusinessEventLogger.class).log(new RoutineGenerated("u-3", 1));
		}
		JsonNode event = JsonLogLines.of(output).withField("kind", "routine_generated").get(0);
		assertThat(event.get("logger").asString()).isEqualTo("audit");
		assertThat(event.has("event_type")).isFalse();
	}

	@Test
	void writesNothingWhenTheBusinessLoggerIsOff(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.level.business=off")) {
			context.getBean(BusinessEventLogger.class).log(new RoutineGenerated("u-4", 1));
		}
		assertThat(JsonLogLines.of(output).withField("event_type", "routine_generated")).isEmpty();
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	record RoutineGenerated(String userId, int exercisesCount) {
	}

	@EventType("payment.captured")
	record PaymentCaptured(String orderId, BigDecimal amount) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(EventAutoConfiguration.class)
	static class TestApplication {

	}

}
