package io.github.structuredlogging.binding;

import java.util.List;
import java.util.Map;

import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application for every test, as it has one configuration: each test reads only the lines its own calls wrote,
 * which the capture of that test holds once the pipeline has flushed them.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundLoggerOutputTests {

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).run();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void writesBoundPairsPerCallPairsAndTheRequestContextAsTopLevelFields(CapturedOutput output) {
		try (MdcScope scope = MdcScope.open(Map.of("correlation_id", "corr-42"))) {
			shipping().ship("order-7", 3);
		}
		JsonLogLines lines = JsonLogLines.of(output);
		List<JsonNode> shipped = lines.withMessage("Shipping order-7 in 3 parcels");
		assertThat(shipped).hasSize(1);
		JsonNode event = shipped.get(0);
		assertThat(event.get("logger").asString()).isEqualTo(Shipping.class.getName());
		assertThat(event.get("level").asString()).isEqualTo("INFO");
		assertThat(event.get("component").asString()).isEqualTo("shipping");
		assertThat(event.get("order_id").asString()).isEqualTo("order-7");
		assertThat(event.get("carrier").asString()).isEqualTo("dhl");
		assertThat(event.get("parcels").asInt()).isEqualTo(3);
		assertThat(event.get("correlation_id").asString()).isEqualTo("corr-42");
	}

	@Test
	void writesThrowablesLikeAnyOtherLogger(CapturedOutput output) {
		shipping().fail("order-8");
		JsonNode event = JsonLogLines.of(output).withMessage("Label printer down for order-8").get(0);
		assertThat(event.get("level").asString()).isEqualTo("ERROR");
		assertThat(event.get("component").asString()).isEqualTo("shipping");
		assertThat(event.get("exception_type").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(event.get("stack_trace").asString()).contains("printer offline");
	}

	@Test
	void takesATrailingThrowableArgumentAsTheCauseAsSlf4jDoes(CapturedOutput output) {
		shipping().retryFailed("order-10", 2);
		JsonNode event = JsonLogLines.of(output).withMessage("Retry 2 of order-10 failed").get(0);
		assertThat(event.get("level").asString()).isEqualTo("WARN");
		assertThat(event.get("exception_type").asString()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void writesNothingAtADisabledLevel(CapturedOutput output) {
		shipping().trace("order-9");
		assertThat(JsonLogLines.of(output).withField("order_id", "order-9")).isEmpty();
	}

	private static Shipping shipping() {
		return context.getBean(Shipping.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BindingAutoConfiguration.class)
	static class TestApplication {

		@Bean
		Shipping shipping(BoundLogger log) {
			return new Shipping(log);
		}

	}

	static class Shipping {

		private final BoundLogger log;

		Shipping(BoundLogger log) {
			this.log = log;
		}

		void ship(String orderId, int parcels) {
			this.log.bind("order_id", orderId)
				.atInfo()
				.addKeyValue("carrier", "dhl")
				.addKeyValue("parcels", parcels)
				.log("Shipping {} in {} parcels", orderId, parcels);
		}

		void fail(String orderId) {
			this.log.error("Label printer down for " + orderId, new IllegalStateException("printer offline"));
		}

		void retryFailed(String orderId, int attempt) {
			this.log.warn("Retry {} of {} failed", attempt, orderId, new IllegalStateException("timeout"));
		}

		void trace(String orderId) {
			this.log.bind("order_id", orderId).trace("Tracing {}", orderId);
		}

	}

}
