package io.github.structuredlogging.level;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen requests run at once on a real server, all inside the handler together; only those that asked get DEBUG
 * lines, and the logger's level is never changed.
 */
@SpringBootTest(classes = RequestDebugTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "structured-logging.levels.request-debug.enabled=true",
				"structured-logging.levels.request-debug.token=let-me-see",
				"structured-logging.levels.request-debug.correlation-ids=chosen-by-id",
				"logging.level.io.github.structuredlogging.level=INFO" })
@ExtendWith(OutputCaptureExtension.class)
@Tag("production-jit")
class RequestDebugTests {

	private static final int REQUESTS = 16;

	static final CyclicBarrier allInside = new CyclicBarrier(REQUESTS);

	@Value("${local.server.port}")
	private int port;

	@Test
	void onlyTheRequestsThatAskedGetDebugLinesUnderSixteenConcurrentRequests(CapturedOutput output) throws Exception {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		ExecutorService callers = Executors.newFixedThreadPool(REQUESTS);
		List<Future<String>> calls = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			int n = i;
			calls.add(callers.submit(() -> {
				var request = client.get().uri("/work/{n}", n).header("X-Correlation-Id", "req-" + n);
				if (n % 4 == 0) {
					request = request.header("X-Debug-Logging", "let-me-see");
				}
				else if (n % 4 == 1) {
					request = request.header("X-Debug-Logging", "let-me-see-not");
				}
				return request.retrieve().body(String.class);
			}));
		}
		for (Future<String> call : calls) {
			assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo("done");
		}
		callers.shutdown();
		client.get().uri("/work/{n}", 99).header("X-Correlation-Id", "chosen-by-id").retrieve().body(String.class);

		JsonLogLines lines = JsonLogLines.of(output);
		for (int i = 0; i < REQUESTS; i++) {
			int n = i;
			List<JsonNode> ofRequest = lines.withField("correlation_id", "req-" + n);
			assertThat(ofRequest).as("request %d", n).anyMatch((e) -> e.get("message").asString().equals("info " + n));
			List<JsonNode> debug = ofRequest.stream().filter((e) -> "DEBUG".equals(e.get("level").asString())).toList();
			if (n % 4 == 0) {
				assertThat(debug).as("request %d asked", n)
					.anyMatch((e) -> e.get("message").asString().equals("debug " + n))
					.allMatch((e) -> e.get("request_debug").asString().equals("true"));
			}
			else {
				assertThat(debug).as("request %d did not ask (or with the wrong token)", n).isEmpty();
			}
		}
		assertThat(lines.withMessage("debug 99")).hasSize(1);
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
		String work(@PathVariable int n) throws Exception {
			if (n < REQUESTS) {
				allInside.await(30, TimeUnit.SECONDS);
			}
			log.debug("debug {}", n);
			log.info("info {}", n);
			return "done";
		}

	}

}
