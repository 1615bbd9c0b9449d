package io.github.structuredlogging.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.structuredlogging.masking.Sensitive;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Scoped values on a real application writing its real JSON console output: lines are selected by their message,
 * never by the scoped field under test.
 */
@SpringBootTest(classes = ScopedContextTests.AsyncApplication.class,
		properties = { "spring.reactor.context-propagation=auto", "structured-logging.limits.max-collection-size=5" })
@ExtendWith(OutputCaptureExtension.class)
class ScopedContextTests {

	/** Every secret below is drawn from this seed; a failure names it. */
	private static final long SEED = 0x5C0BEDL;

	private static final Logger log = LoggerFactory.getLogger(ScopedContextTests.class);

	@Autowired
	private Worker worker;

	@Test
	void objectsAreWrittenAsNestedJsonByAPlainSlf4jLogger(CapturedOutput output) {
		Order order = new Order(42, "acme", List.of(new Line("sku-1", 2), new Line("sku-2", 1)), "tok", null);

		try (ScopedContext.Scope scope = ScopedContext.with("order", order).and("attempt", 3).open()) {
			log.info("nested line");
		}

		JsonNode line = only(output, "nested line");
		assertThat(line.get("order").get("id").asInt()).isEqualTo(42);
		assertThat(line.get("order").get("customer").asString()).isEqualTo("acme");
		assertThat(line.get("order").get("lines").get(1).get("sku").asString()).isEqualTo("sku-2");
		assertThat(line.get("order").get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(line.get("attempt").isNumber()).isTrue();
		assertThat(line.get("attempt").asInt()).isEqualTo(3);
		assertThat(line.has("ctx:order")).isFalse();
	}

	@Test
	void sensitivePropertiesSensitiveNamesAndRecognisedSecretsInsideAnObjectNeverReachTheOutput(
			CapturedOutput output) {
		Random random = new Random(SEED);
		String token = randomSecret(random);
		String password = randomSecret(random) + "\"\\\u2028";
		String card = "4111 1111 1111 1111";
		List<String> secrets = List.of(token, password);
		Order order = new Order(7, "visible-customer-" + token.substring(0, 3),
				List.of(new Line("note with card " + card, 1)), token, new Login("alice", password));

		ScopedContext.with("order", order).run(() -> log.info("masked line"));

		JsonNode line = only(output, "masked line");
		assertThat(line.get("order").get("reference").asString()).as("seed %s", SEED).isEqualTo("****");
		assertThat(line.get("order").get("login").get("password").asString()).isEqualTo("****");
		// Positive controls: the same object's harmless fields are written as they are.
		assertThat(line.get("order").get("login").get("user").asString()).isEqualTo("alice");
		assertThat(line.get("order").get("customer").asString()).startsWith("visible-customer-");
		assertThat(line.get("order").get("lines").get(0).get("sku").asString()).startsWith("note with card ")
			.doesNotContain("1111 1111");
		String written = JsonLogLines.written(output);
		for (String secret : secrets) {
			for (int i = 0; i + 6 <= secret.length(); i++) {
				String window = secret.substring(i, i + 6);
				assertThat(written).as("seed %s, secret %s, window at %d", SEED, secret, i).doesNotContain(window)
					.doesNotContain(escaped(window));
			}
		}
	}

	@Test
	void theValuesReachAnAsyncMethodAndLeaveItsPooledThreadAfterwards(CapturedOutput output) throws Exception {
		try (ScopedContext.Scope scope = ScopedContext.with("order", new Order(5, "async", List.of(), null, null))
			.open()) {
			this.worker.work("async inside").get(10, TimeUnit.SECONDS);
		}
		this.worker.work("async after").get(10, TimeUnit.SECONDS);

		JsonNode inside = only(output, "async inside");
		assertThat(inside.get("thread").asString()).isNotEqualTo(Thread.currentThread().getName());
		assertThat(inside.get("order").get("customer").asString()).isEqualTo("async");
		JsonNode after = only(output, "async after");
		assertThat(after.get("thread").asString()).isNotEqualTo(Thread.currentThread().getName());
		assertThat(after.has("order")).isFalse();
	}

	@Test
	void theValuesReachReactorOperatorsOnOtherThreads(CapturedOutput output) {
		Mono<String> builtInsideSubscribedAfter;
		try (ScopedContext.Scope scope = ScopedContext.with("order", new Order(6, "reactor", List.of(), null, null))
			.open()) {
			Mono.fromRunnable(() -> log.info("reactor inside"))
				.subscribeOn(Schedulers.boundedElastic())
				.contextCapture()
				.block(Duration.ofSeconds(10));
			builtInsideSubscribedAfter = Mono.fromCallable(() -> {
				log.info("reactor later");
				return "done";
			}).subscribeOn(Schedulers.parallel()).contextWrite(ScopedContext.with("step", "later").contextWrite());
		}
		builtInsideSubscribedAfter.block(Duration.ofSeconds(10));
		Mono.fromRunnable(() -> log.info("reactor outside"))
			.subscribeOn(Schedulers.boundedElastic())
			.contextCapture()
			.block(Duration.ofSeconds(10));

		JsonNode inside = only(output, "reactor inside");
		assertThat(inside.get("thread").asString()).startsWith("boundedElastic");
		assertThat(inside.get("order").get("customer").asString()).isEqualTo("reactor");
		JsonNode later = only(output, "reactor later");
		assertThat(later.get("thread").asString()).startsWith("parallel");
		assertThat(later.get("step").asString()).isEqualTo("later");
		assertThat(later.get("order").get("customer").asString()).isEqualTo("reactor");
		JsonNode outside = only(output, "reactor outside");
		assertThat(outside.has("order")).isFalse();
		assertThat(outside.has("step")).isFalse();
	}

	@Test
	void aNestedScopeHidesTheOuterValueUntilItClosesAndNothingIsLeftAfterAnException(CapturedOutput output) {
		try (ScopedContext.Scope outer = ScopedContext.with("order", new Order(1, "outer", List.of(), null, null))
			.and("tenant", "t-1")
			.open()) {
			log.info("outer before");
			assertThatIllegalStateException().isThrownBy(() -> ScopedContext
				.with("order", new Order(2, "inner", List.of(), null, null))
				.run(() -> {
					log.info("inner");
					throw new IllegalStateException("failed inside");
				}));
			log.info("outer after");
		}
		log.info("no scope");

		assertThat(only(output, "outer before").get("order").get("customer").asString()).isEqualTo("outer");
		JsonNode inner = only(output, "inner");
		assertThat(inner.get("order").get("customer").asString()).isEqualTo("inner");
		assertThat(inner.get("tenant").asString()).isEqualTo("t-1");
		JsonNode outerAfter = only(output, "outer after");
		assertThat(outerAfter.get("order").get("customer").asString()).isEqualTo("outer");
		assertThat(outerAfter.get("tenant").asString()).isEqualTo("t-1");
		JsonNode none = only(output, "no scope");
		assertThat(none.has("order")).isFalse();
		assertThat(none.has("tenant")).isFalse();
		assertThat(ScopedContext.current()).isEmpty();
	}

	@Test
	void collectionsInAScopedValueAreCutAtTheConfiguredSizeLikeKeyValues(CapturedOutput output) {
		for (int size = 3; size <= 7; size++) {
			List<Integer> values = IntStream.range(0, size).boxed().toList();
			ScopedContext.with("values", values).run(() -> log.info("limit line"));
		}

		List<JsonNode> lines = JsonLogLines.of(output).withMessage("limit line");
		assertThat(lines).hasSize(5);
		List<String> written = new ArrayList<>();
		lines.forEach((line) -> written.add(line.get("values").toString()));
		assertThat(written).containsExactly("[0,1,2]", "[0,1,2,3]", "[0,1,2,3,4]", "[0,1,2,3,4,\"[1 more elements]\"]",
				"[0,1,2,3,4,\"[2 more elements]\"]");
	}

	private static JsonNode only(CapturedOutput output, String message) {
		List<JsonNode> lines = JsonLogLines.of(output).withMessage(message);
		assertThat(lines).as("lines with message '%s'", message).hasSize(1);
		return lines.get(0);
	}

	private static String randomSecret(Random random) {
		StringBuilder secret = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			secret.append((char) ('a' + random.nextInt(26)));
		}
		return secret.toString();
	}

	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u2028", "\\u2028");
	}

	record Line(String sku, int quantity) {
	}

	record Login(String user, String password) {
	}

	record Order(long id, String customer, List<Line> lines, @Sensitive String reference, Login login) {
	}

	@Service
	static class Worker {

		@Async
		CompletableFuture<Void> work(String message) {
			log.info(message);
			return CompletableFuture.completedFuture(null);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import(Worker.class)
	static class AsyncApplication {

	}

}
