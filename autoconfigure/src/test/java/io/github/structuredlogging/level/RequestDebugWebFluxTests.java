package io.github.structuredlogging.level;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen WebFlux requests in flight at once, their operators sharing the same few threads; only those that asked
 * get DEBUG lines, on every thread they hop to, and the logger's level is never changed.
 */
@SpringBootTest(classes = RequestDebugWebFluxTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"structured-logging.levels.request-debug.enabled=true",
				"structured-logging.levels.request-debug.token=let-me-see",
				"structured-logging.levels.request-debug.correlation-ids=chosen-by-id",
				"logging.level.io.github.structuredlogging.level=INFO" })
@ExtendWith(OutputCaptureExtension.class)
@Tag("production-jit")
class RequestDebugWebFluxTests {

	private static final int REQUESTS = 16;

	static final AtomicInteger arrived = new AtomicInteger();

	static final Sinks.Empty<Void> allInside = Sinks.empty();

	@Value("${local.server.port}")
	private int port;

	@Test
	void onlyTheRequestsThatAskedGetDebugLinesUnderSixteenConcurrentRequests(CapturedOutput output) {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		List<String> bodies = Flux.range(0, REQUESTS).flatMap((n) -> {
			WebClient.RequestHeadersSpec<?> request = client.get().uri("/work/{n}", n)
				.header("X-Correlation-Id", "req-" + n);
			if (n % 4 == 0) {
				request = request.header("X-Debug-Logging", "let-me-see");
			}
			else if (n % 4 == 1) {
				request = request.header("X-Debug-Logging", "let-me-see-not");
			}
			return request.retrieve().bodyToMono(String.class);
		}, REQUESTS).collectList().block(Duration.ofSeconds(60));
		assertThat(bodies).hasSize(REQUESTS).containsOnly("done");
		client.get().uri("/work/{n}", 99).header("X-Correlation-Id", "chosen-by-id").retrieve()
			.bodyToMono(String.class).block(Duration.ofSeconds(30));

		JsonLogLines lines = JsonLogLines.of(output);
		for (int i = 0; i < REQUESTS; i++) {
			int n = i;
			List<JsonNode> ofRequest = lines.withField("correlation_id", "req-" + n);
			assertThat(ofRequest).as("request %d", n)
				.anyMatch((e) -> e.get("message").asString().equals("info " + n))
				.anyMatch((e) -> e.get("message").asString().equals("info after hop " + n));
			List<JsonNode> debug = ofRequest.stream().filter((e) -> "DEBUG".equals(e.get("level").asString())).toList();
			if (n % 4 == 0) {
				assertThat(debug).as("request %d asked", n)
					.anyMatch((e) -> e.get("message").asString().equals("debug " + n))
					.anyMatch((e) -> e.get("message").asString().equals("debug after hop " + n)
							&& e.get("thread").asString().startsWith("boundedElastic"))
					.allMatch((e) -> e.get("request_debug").asString().equals("true"));
			}
			else {
				assertThat(debug).as("request %d did not ask (or with the wrong token)", n).isEmpty();
			}
		}
		assertThat(lines.withMessage("debug after hop 99")).hasSize(1);
		assertThat(LoggerFactory.getLogger(Worker.class).isDebugEnabled()).isFalse();
		assertThat(lines.where((e) -> "DEBUG".equals(e.get("level").asString())
				&& !e.path("request_debug").asString("").equals("true"))).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Worker.class)
	static class Application {

	}

	@RestController
	static class Worker {

		private static final Logger log = LoggerFactory.getLogger(Worker.class);

		@GetMapping("/work/{n}")
		Mono<String> work(@PathVariable int n) {
			log.debug("debug {}", n);
			log.info("info {}", n);
			Mono<Void> together = Mono.empty();
			if (n < REQUESTS) {
				if (arrived.incrementAndGet() == REQUESTS) {
					allInside.tryEmitEmpty();
				}
				together = allInside.asMono();
			}
			return together.then(Mono.fromCallable(() -> {
				log.debug("debug after hop {}", n);
				log.info("info after hop {}", n);
				return "done";
			}).subscribeOn(Schedulers.boundedElastic()));
		}

	}

}
