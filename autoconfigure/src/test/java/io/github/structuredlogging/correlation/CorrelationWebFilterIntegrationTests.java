package io.github.structuredlogging.correlation;

import java.time.Duration;
import java.util.List;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CorrelationWebFilterIntegrationTests.ReactiveApplication.class,
		properties = "spring.main.web-application-type=reactive")
// A first request on a busy 2-core machine can take longer than the default 5 s to answer.
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(OutputCaptureExtension.class)
class CorrelationWebFilterIntegrationTests {

	private static final String HEADER = "X-Correlation-Id";

	@Autowired
	private WebTestClient client;

	@Test
	void logCallsInsideOperatorsOnOtherSchedulersCarryTheInboundId(CapturedOutput output) {
		this.client.get().uri("/items").header(HEADER, "abc-123").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HEADER, "abc-123")
			.expectBody(String.class).value((body) -> assertThat(body).hasSize(3).contains("a", "b", "c"));

		List<JsonNode> events = JsonLogLines.of(output).withField("logger", ItemController.class.getName());
		assertThat(events).extracting((event) -> event.get("message").asString())
			.containsExactlyInAnyOrder("listing items", "item a", "item b", "item c");
		assertThat(events).allSatisfy((event) -> assertThat(event.get("correlation_id").asString()).isEqualTo("abc-123"));
		assertThat(events).filteredOn((event) -> event.get("message").asString().startsWith("item "))
			.allSatisfy((event) -> assertThat(event.get("thread").asString()).startsWith("boundedElastic"));
	}

	@Test
	void requestsWithoutAnIdGetDifferentGeneratedIdsThatNeverCrossOver(CapturedOutput output) {
		String first = this.client.get().uri("/items").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseHeaders().getFirst(HEADER);
		String second = this.client.get().uri("/items").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseHeaders().getFirst(HEADER);

		assertThat(first).isNotBlank().isNotEqualTo(second);
		List<JsonNode> events = JsonLogLines.of(output).withField("logger", ItemController.class.getName());
		assertThat(events).hasSize(8);
		assertThat(events).filteredOn((event) -> first.equals(event.get("correlation_id").asString())).hasSize(4);
		assertThat(events).filteredOn((event) -> second.equals(event.get("correlation_id").asString())).hasSize(4);
	}

	@Test
	void theSchedulerThreadsKeepNoContextAfterTheRequest(CapturedOutput output) {
		this.client.get().uri("/items").header(HEADER, "abc-123").exchange().expectBody(String.class).value((body) -> assertThat(body).hasSize(3).contains("a", "b", "c"));

		Mono.fromRunnable(() -> LoggerFactory.getLogger(ItemController.class).info("outside any request"))
			.subscribeOn(Schedulers.boundedElastic())
			.block(Duration.ofSeconds(5));

		JsonNode outside = JsonLogLines.of(output).withMessage("outside any request").get(0);
		assertThat(outside.has("correlation_id")).isFalse();
	}

	@Test
	void aHostileHeaderIsReplacedAndNeverEchoed(CapturedOutput output) {
		String huge = "y".repeat(10 * 1024);

		String echoed = this.client.get().uri("/items").header(HEADER, huge).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseHeaders().getFirst(HEADER);

		// The request's trace id replaces it (tracing is on the test class path), as a generated id would without.
		assertThat(echoed).hasSizeBetween(32, 36);
		assertThat(JsonLogLines.written(output)).doesNotContain(huge.substring(0, 200));
		JsonNode listing = JsonLogLines.of(output).withMessage("listing items").get(0);
		assertThat(listing.get("rejected_headers").asString()).isEqualTo("X-Correlation-Id:too_long");
		assertThat(listing.get("correlation_id").asString()).isEqualTo(echoed);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ItemController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class ItemController {

		private static final Logger log = LoggerFactory.getLogger(ItemController.class);

		@GetMapping("/items")
		Flux<String> items() {
			log.info("listing items");
			return Flux.just("a", "b", "c")
				.flatMap((item) -> Mono.fromCallable(() -> {
					log.info("item {}", item);
					return item;
				}).subscribeOn(Schedulers.boundedElastic()));
		}

	}

}
