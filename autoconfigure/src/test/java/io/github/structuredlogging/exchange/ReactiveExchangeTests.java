package io.github.structuredlogging.exchange;

import java.time.Duration;
import java.util.List;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebFlux server on a random port: exchange lines of received requests, and a WebClient call made inside a
 * request's reactive chain, whose id comes from the Reactor context rather than a thread's MDC.
 */
@SpringBootTest(classes = ReactiveExchangeTests.ReactiveApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=health" })
// A first request on a busy 2-core machine can take longer than the default 5 s to answer.
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(OutputCaptureExtension.class)
class ReactiveExchangeTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aCallInsideTheReactiveChainCarriesTheIdAndBothSidesMatch(CapturedOutput output) {
		this.client.get().uri("/front/12").header("X-Correlation-Id", "rx-1").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("back rx-1");

		JsonNode front = awaitSingle(output, "rx-1", ExchangeLogger.INBOUND_LOGGER, "/front/{id}");
		List<JsonNode> lines = JsonLogLines.of(output).withField("correlation_id", "rx-1");
		assertThat(front.get("level").asString()).isEqualTo("INFO");
		assertThat(front.get("http_status").asInt()).isEqualTo(200);
		assertThat(front.get("http_response_bytes").asLong()).isEqualTo("back rx-1".length());
		JsonNode outbound = single(lines, ExchangeLogger.OUTBOUND_LOGGER, "/back/{id}");
		JsonNode inbound = single(lines, ExchangeLogger.INBOUND_LOGGER, "/back/{id}");
		assertThat(outbound.get("http_status").asInt()).isEqualTo(inbound.get("http_status").asInt()).isEqualTo(200);
	}

	@Test
	void statusErrorsAreAnswersAndOtherErrorsAreFailures(CapturedOutput output) {
		this.client.get().uri("/missing/3").header("X-Correlation-Id", "rx-404").exchange().expectStatus().isNotFound();
		this.client.get().uri("/crash/4").header("X-Correlation-Id", "rx-500").exchange().expectStatus().is5xxServerError();

		JsonNode missing = awaitSingle(output, "rx-404", ExchangeLogger.INBOUND_LOGGER, "/missing/{id}");
		assertThat(missing.get("level").asString()).isEqualTo("WARN");
		assertThat(missing.get("http_status").asInt()).isEqualTo(404);
		assertThat(missing.has("exception_type")).isFalse();
		JsonNode crash = awaitSingle(output, "rx-500", ExchangeLogger.INBOUND_LOGGER, "/crash/{id}");
		assertThat(crash.get("level").asString()).isEqualTo("ERROR");
		assertThat(crash.get("http_status").asInt()).isEqualTo(500);
		assertThat(crash.get("exception_type").asString()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void healthChecksGetNoLine(CapturedOutput output) {
		this.client.get().uri("/actuator/health").header("X-Correlation-Id", "rx-health").exchange()
			.expectStatus().isOk();
		this.client.get().uri("/back/1").header("X-Correlation-Id", "rx-control").exchange().expectStatus().isOk();

		awaitSingle(output, "rx-control", ExchangeLogger.INBOUND_LOGGER, "/back/{id}");
		assertThat(JsonLogLines.of(output).withField("correlation_id", "rx-health"))
			.noneMatch((e) -> ExchangeLogger.INBOUND_LOGGER.equals(e.get("logger").asString()));
	}

	/**
	 * WebFlux completes the filter chain after the client may already have the response, so the line is awaited.
	 */
	private static JsonNode awaitSingle(CapturedOutput output, String correlationId, String logger, String route) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> JsonLogLines.of(output).withField("correlation_id", correlationId)
				.stream()
				.anyMatch((e) -> logger.equals(e.get("logger").asString())
						&& route.equals(e.path("http_route").asString())));
		return single(JsonLogLines.of(output).withField("correlation_id", correlationId), logger, route);
	}

	private static JsonNode single(List<JsonNode> lines, String logger, String route) {
		List<JsonNode> matching = lines.stream()
			.filter((e) -> logger.equals(e.get("logger").asString()) && route.equals(e.path("http_route").asString()))
			.toList();
		assertThat(matching).as("%s %s", logger, route).hasSize(1);
		return matching.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ReactiveController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class ReactiveController {

		private static final Logger log = LoggerFactory.getLogger(ReactiveController.class);

		private final WebClient client;

		ReactiveController(WebClient.Builder client) {
			this.client = client.build();
		}

		@GetMapping("/front/{id}")
		Mono<String> front(@PathVariable String id, @Value("${local.server.port}") int port) {
			return this.client.get().uri("http://localhost:" + port + "/back/{id}", id).retrieve().bodyToMono(String.class);
		}

		@GetMapping("/back/{id}")
		Mono<String> back(@PathVariable String id) {
			return Mono.deferContextual((context) -> {
				log.info("back reached");
				return Mono.just("back " + MDC.get("correlation_id"));
			});
		}

		@GetMapping("/missing/{id}")
		Mono<String> missing(@PathVariable String id) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}

		@GetMapping("/crash/{id}")
		Mono<String> crash(@PathVariable String id) {
			return Mono.error(new IllegalStateException("crashed"));
		}

	}

}
