package io.github.structuredlogging.aot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application with the starter, processed ahead of time and run by {@link WebFluxAotTests}. Its own
 * package keeps other tests' configuration classes out; it scans nothing.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveAotApplication.IdController.class)
public class ReactiveAotApplication {

	public static void main(String[] args) {
		// Both web stacks are on the test class path: without this, the servlet one would win.
		new SpringApplicationBuilder(ReactiveAotApplication.class).web(WebApplicationType.REACTIVE).run(args);
	}

	@RestController
	public static class IdController {

		private static final Logger log = LoggerFactory.getLogger(IdController.class);

		/** Logs the caller's probe and reads the MDC on another scheduler's thread, where only context propagation can have put the id. */
		@GetMapping("/id")
		public Mono<String> id(@RequestParam String probe) {
			return Mono.fromSupplier(() -> {
				log.atInfo().addKeyValue("probe", probe).log("reading the id");
				return MDC.get("correlation_id") + " on " + scheduler();
			}).subscribeOn(Schedulers.boundedElastic());
		}

		private static String scheduler() {
			String thread = Thread.currentThread().getName();
			return thread.startsWith("boundedElastic-") ? "boundedElastic" : thread;
		}

	}

}
