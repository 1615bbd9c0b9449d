package io.github.structuredlogging.correlation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Micrometer Tracing (Brave) present, a request's id reaches the lines its work writes on other threads: an
 * {@code @Async} method of a servlet application, and a Reactor chain moved to another scheduler in a WebFlux one.
 * Each line is selected by the message the hop itself logs, never by the ids under test; on each hop the
 * correlation id, the trace id and the id the response echoes are one id, and the line comes from another thread.
 * Two requests in a row have two different ids, so an id left behind on a pooled thread would show.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingHopsTests {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void theTraceIdIsTheCorrelationIdOnEveryHopOfTheRequest(String stack, CapturedOutput output) throws Exception {
		List<String> ids;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HopsApplication.class)
			.properties("server.port=0", "spring.main.web-application-type=" + stack,
					"structured-logging.async.enabled=false")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			ids = List.of(get(port, stack, 1), get(port, stack, 2));
		}
		assertThat(ids.get(0)).matches(TRACE_ID).isNotEqualTo(ids.get(1));
		JsonLogLines lines = JsonLogLines.of(output);
		for (int request = 1; request <= 2; request++) {
			String id = ids.get(request - 1);
			JsonNode before = lines.withMessage("before hop " + request).get(0);
			JsonNode after = lines.withMessage("after hop " + request).get(0);
			assertThat(after.get("thread").asString()).isNotEqualTo(before.get("thread").asString());
			for (JsonNode line : List.of(before, after)) {
				assertThat(line.path("correlation_id").asString()).as("correlation_id of %s", line).isEqualTo(id);
				assertThat(line.path("trace_id").asString()).as("trace_id of %s", line).isEqualTo(id);
				assertThat(line.path("span_id").asString()).as("span_id of %s", line).matches("[0-9a-f]{16}");
			}
		}
	}

	private static String get(int port, String stack, int request) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + stack + "?request=" + request))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().firstValue("X-Correlation-Id").orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ HopsController.class, AsyncWork.class })
	static class HopsApplication {

	}

	@RestController
	static class HopsController {

		private static final Logger log = LoggerFactory.getLogger(HopsController.class);

		private final AsyncWork work;

		HopsController(AsyncWork work) {
			this.work = work;
		}

		@GetMapping("/servlet")
		String servlet(int request) {
			log.info("before hop {}", request);
			return this.work.run(request).join();
		}

		@GetMapping("/reactive")
		Mono<String> reactive(int request) {
			// Deferred, not a Callable source: Reactor would run a Callable on the publishOn scheduler too.
			return Mono.defer(() -> {
				log.info("before hop {}", request);
				return Mono.just(request);
			}).publishOn(Schedulers.parallel()).map((value) -> {
				log.info("after hop {}", value);
				return "done";
			});
		}

	}

	@Service
	static class AsyncWork {

		private static final Logger log = LoggerFactory.getLogger(AsyncWork.class);

		@Async
		CompletableFuture<String> run(int request) {
			log.info("after hop {}", request);
			return CompletableFuture.completedFuture("done");
		}

	}

}
