package io.github.structuredlogging.performance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class PerformanceOutputTests {

	private static final long DELAY_MS = 150;

	@Test
	void writesTheDurationAndStatusOfASuccessfulCall(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Pricing.class).quote("sku-1")).isEqualTo(42);
		}
		JsonNode event = single(output, "Pricing.quote");
		assertThat(event.get("logger").asString()).isEqualTo("performance");
		assertThat(event.get("level").asString()).isEqualTo("INFO");
		assertThat(event.get("status").asString()).isEqualTo("success");
		assertThat(event.get("duration_ms").isNumber()).isTrue();
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
		assertThat(event.has("error_type")).isFalse();
		assertThat(event.has("slow")).isFalse();
	}

	@Test
	void writesTheErrorTypeOfAFailedCallAndRethrowsTheSameException(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			Pricing pricing = context.getBean(Pricing.class);
			assertThatExceptionOfType(PriceUnavailableException.class).isThrownBy(() -> pricing.quote("unknown"))
				.isSameAs(pricing.lastFailure());
		}
		JsonNode event = single(output, "Pricing.quote");
		assertThat(event.get("level").asString()).isEqualTo("WARN");
		assertThat(event.get("status").asString()).isEqualTo("failure");
		assertThat(event.get("error_type").asString()).isEqualTo(PriceUnavailableException.class.getName());
	}

	@Test
	void writesASlowCallAtWarn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(Pricing.class).recompute();
		}
		JsonNode event = single(output, "pricing.recompute");
		assertThat(event.get("level").asString()).isEqualTo("WARN");
		assertThat(event.get("status").asString()).isEqualTo("success");
		assertThat(event.get("slow").asBoolean()).isTrue();
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void takesTheSlowThresholdFromPropertiesWhenTheAnnotationSetsNone(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.performance.slow-threshold=0ms")) {
			context.getBean(Pricing.class).quote("sku-1");
		}
		assertThat(single(output, "Pricing.quote").get("level").asString()).isEqualTo("WARN");
	}

	@Test
	void writesTheBytesTheCallingThreadAllocated(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(Pricing.class).priceList(1_000_000);
		}
		assertThat(single(output, "Pricing.priceList").get("allocated_bytes").asLong())
			.isGreaterThanOrEqualTo(1_000_000);
	}

	@Test
	void measuresACompletableFutureToItsCompletion(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Pricing.class).quoteLater().join()).isEqualTo(7);
			await().until(() -> events(output, "Pricing.quoteLater").size() == 1);
		}
		JsonNode event = single(output, "Pricing.quoteLater");
		assertThat(event.get("status").asString()).isEqualTo("success");
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(DELAY_MS);
	}

	@Test
	void reportsTheFailureOfACompletableFutureFromItsSignal(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			CompletableFuture<Integer> future = context.getBean(Pricing.class).failLater();
			assertThatExceptionOfType(Exception.class).isThrownBy(future::join)
				.withCauseInstanceOf(PriceUnavailableException.class);
			await().until(() -> events(output, "Pricing.failLater").size() == 1);
		}
		JsonNode event = single(output, "Pricing.failLater");
		assertThat(event.get("status").asString()).isEqualTo("failure");
		assertThat(event.get("error_type").asString()).isEqualTo(PriceUnavailableException.class.getName());
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(DELAY_MS);
	}

	@Test
	void measuresAMonoToItsCompletion(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Pricing.class).quoteReactive().block()).isEqualTo(9);
			await().until(() -> events(output, "Pricing.quoteReactive").size() == 1);
		}
		JsonNode event = single(output, "Pricing.quoteReactive");
		assertThat(event.get("status").asString()).isEqualTo("success");
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(DELAY_MS);
	}

	@Test
	void reportsTheFailureOfAMonoFromItsSignal(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			Mono<Integer> mono = context.getBean(Pricing.class).failReactive();
			assertThatExceptionOfType(PriceUnavailableException.class).isThrownBy(mono::block);
			await().until(() -> events(output, "Pricing.failReactive").size() == 1);
		}
		JsonNode event = single(output, "Pricing.failReactive");
		assertThat(event.get("status").asString()).isEqualTo("failure");
		assertThat(event.get("error_type").asString()).isEqualTo(PriceUnavailableException.class.getName());
		assertThat(event.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(DELAY_MS);
	}

	@Test
	void measuresAFluxToItsCompletion(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(Pricing.class).quoteStream().collectList().block()).containsExactly(1, 2, 3);
			await().until(() -> events(output, "Pricing.quoteStream").size() == 1);
		}
		assertThat(single(output, "Pricing.quoteStream").get("duration_ms").asDouble())
			.isGreaterThanOrEqualTo(DELAY_MS);
	}

	@Test
	void writesNoLineForSuccessWhenItsLevelIsOff(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("structured-logging.performance.success-level=off")) {
			Pricing pricing = context.getBean(Pricing.class);
			pricing.quote("sku-1");
			assertThatExceptionOfType(PriceUnavailableException.class).isThrownBy(() -> pricing.quote("unknown"));
		}
		assertThat(single(output, "Pricing.quote").get("status").asString()).isEqualTo("failure");
	}

	private static JsonNode single(CapturedOutput output, String operation) {
		List<JsonNode> events = events(output, operation);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static List<JsonNode> events(CapturedOutput output, String operation) {
		return JsonLogLines.of(output).withField("operation", operation);
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, PerformanceAutoConfiguration.class })
	static class TestApplication {

		@Bean
		Pricing pricing() {
			return new Pricing();
		}

	}

	static class Pricing {

		private volatile PriceUnavailableException lastFailure;

		PriceUnavailableException lastFailure() {
			return this.lastFailure;
		}

		@LogPerformance
		public int quote(String sku) {
			if ("unknown".equals(sku)) {
				this.lastFailure = new PriceUnavailableException(sku);
				throw this.lastFailure;
			}
			return 42;
		}

		@LogPerformance(value = "pricing.recompute", slowThresholdMs = 20)
		public void recompute() {
			await().pollDelay(Duration.ofMillis(30)).until(() -> true);
		}

		@LogPerformance(trackMemory = true)
		public int priceList(int size) {
			return new byte[size].length;
		}

		@LogPerformance
		public CompletableFuture<Integer> quoteLater() {
			return CompletableFuture.supplyAsync(() -> 7,
					CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS));
		}

		@LogPerformance
		public CompletableFuture<Integer> failLater() {
			return CompletableFuture.supplyAsync(() -> {
				throw new PriceUnavailableException("later");
			}, CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS));
		}

		@LogPerformance
		public Mono<Integer> quoteReactive() {
			return Mono.delay(Duration.ofMillis(DELAY_MS)).thenReturn(9);
		}

		@LogPerformance
		public Mono<Integer> failReactive() {
			return Mono.delay(Duration.ofMillis(DELAY_MS)).then(Mono.error(new PriceUnavailableException("mono")));
		}

		@LogPerformance
		public Flux<Integer> quoteStream() {
			return Flux.just(1, 2, 3).delayElements(Duration.ofMillis(DELAY_MS / 3));
		}

	}

	static class PriceUnavailableException extends RuntimeException {

		PriceUnavailableException(String sku) {
			super("No price for " + sku);
		}

	}

}
