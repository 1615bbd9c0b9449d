package io.github.structuredlogging.binding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two beans of one class, each with its own bound identity, used and created from 16 threads at once: every line
 * must carry the identity of the bean that wrote it and the correlation id of the request it was written for.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("production-jit")
class BoundLoggerConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 10;

	@Test
	void everyLineOfConcurrentRequestsCarriesItsBeansIdentityAndItsRequestsCorrelationId(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.run()) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newHttpClient();
			inParallel((thread) -> () -> {
				for (int call = 0; call < CALLS_PER_THREAD; call++) {
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/work"))
						.header("X-Correlation-Id", correlationId(thread, call))
						.build();
					assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
						.isEqualTo(200);
				}
				return null;
			});
		}
		assertEachRequestLoggedOnceByEachWorker(JsonLogLines.of(output));
	}

	@Test
	void beansOfOneClassCreatedConcurrentlyKeepTheirOwnIdentity(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PrototypeApplication.class)
			.web(WebApplicationType.NONE)
			.run()) {
			inParallel((thread) -> () -> {
				for (int call = 0; call < CALLS_PER_THREAD; call++) {
					try (MdcScope scope = MdcScope.open(Map.of("correlation_id", correlationId(thread, call)))) {
						context.getBean("left", Worker.class).work();
						context.getBean("right", Worker.class).work();
					}
				}
				return null;
			});
		}
		assertEachRequestLoggedOnceByEachWorker(JsonLogLines.of(output));
	}

	private static void inParallel(IntFunction<Callable<Void>> task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Void>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				Callable<Void> work = task.apply(thread);
				results.add(threads.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
			for (Future<Void> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String correlationId(int thread, int call) {
		return "t" + thread + "-c" + call;
	}

	private static void assertEachRequestLoggedOnceByEachWorker(JsonLogLines lines) {
		List<JsonNode> work = lines.withMessage("Working");
		assertThat(work).hasSize(THREADS * CALLS_PER_THREAD * 2);
		assertThat(work).allSatisfy((event) -> {
			String component = event.get("component").asString();
			assertThat(component).isIn("left", "right");
			assertThat(event.get("worker").asString()).isEqualTo(component);
		});
		Map<String, List<String>> componentsByCorrelationId = work.stream()
			.collect(Collectors.groupingBy((event) -> event.get("correlation_id").asString(),
					Collectors.mapping((event) -> event.get("component").asString(), Collectors.toList())));
		List<String> sent = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			for (int call = 0; call < CALLS_PER_THREAD; call++) {
				sent.add(correlationId(thread, call));
			}
		}
		assertThat(componentsByCorrelationId.keySet()).containsExactlyInAnyOrderElementsOf(sent);
		assertThat(componentsByCorrelationId.values())
			.allSatisfy((components) -> assertThat(components).containsExactlyInAnyOrder("left", "right"));
	}

	/**
	 * Also writes the name it was constructed with, so each line's bound component can be checked against the bean
	 * that really wrote it.
	 */
	static class Worker {

		private final BoundLogger log;

		private final String name;

		Worker(BoundLogger log, String name) {
			this.log = log;
			this.name = name;
		}

		void work() {
			this.log.atInfo()
				.addKeyValue("worker", this.name)
				.log("Working");
		}

	}

	@RestController
	static class WorkController {

		private final Worker left;

		private final Worker right;

		WorkController(Worker left, Worker right) {
			this.left = left;
			this.right = right;
		}

		@GetMapping("/work")
		void work() {
			this.left.work();
			this.right.work();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		Worker left(BoundLogger log) {
			return new Worker(log, "left");
		}

		@Bean
		Worker right(BoundLogger log) {
			return new Worker(log, "right");
		}

		@Bean
		WorkController workController(Worker left, Worker right) {
			return new WorkController(left, right);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = CorrelationAutoConfiguration.class)
	static class PrototypeApplication {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		Worker left(BoundLogger log) {
			return new Worker(log, "left");
		}

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		Worker right(BoundLogger log) {
			return new Worker(log, "right");
		}

	}

}
