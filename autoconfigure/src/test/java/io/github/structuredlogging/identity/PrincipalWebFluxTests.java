package io.github.structuredlogging.identity;

import java.time.Duration;
import java.util.List;

import io.github.structuredlogging.exchange.ExchangeLogger;
import io.github.structuredlogging.support.JsonLogLines;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebFlux server with Spring Security and HTTP Basic: the lines of an authenticated request carry the
 * principal, also on a {@code boundedElastic} thread and on the exchange line, an anonymous request's lines carry
 * none, and no part of the password is written.
 */
@SpringBootTest(classes = PrincipalWebFluxTests.SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class PrincipalWebFluxTests {

	private static final String USER = "bob.reactive";

	private static final String PASSWORD = "Rx-3t!Hq8&mW5z#Pc1";

	@Value("${local.server.port}")
	private int port;

	@Test
	void theLinesOfAnAuthenticatedRequestCarryThePrincipalOnEveryThreadAndAnonymousOnesNone(CapturedOutput output) {
		assertThat(get("/secure", "rx-secure", true)).isEqualTo("secure");
		assertThat(get("/public", "rx-anonymous", false)).isEqualTo("public");

		List<JsonNode> secure = exchangeLogged(output, "rx-secure");
		assertThat(secure).anyMatch((e) -> "secure reached".equals(e.get("message").asString())
				&& e.get("thread").asString().startsWith("boundedElastic"))
			.allSatisfy((e) -> assertThat(e.path("principal").asString()).as(e.toString()).isEqualTo(USER));
		List<JsonNode> anonymous = exchangeLogged(output, "rx-anonymous");
		assertThat(anonymous).anyMatch((e) -> "public reached".equals(e.get("message").asString()))
			.noneMatch((e) -> e.has("principal"));
		String written = JsonLogLines.written(output);
		assertThat(written).as("positive control: the user name is written").contains(USER);
		for (int i = 0; i + 6 <= PASSWORD.length(); i++) {
			assertThat(written).as("part %d of the password", i).doesNotContain(PASSWORD.substring(i, i + 6));
		}
	}

	/**
	 * The lines of a request once its exchange line is written, which may come after the response went out.
	 */
	private static List<JsonNode> exchangeLogged(CapturedOutput output, String correlationId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> JsonLogLines.of(output).withField("correlation_id", correlationId),
					(lines) -> lines.stream()
						.anyMatch((e) -> ExchangeLogger.INBOUND_LOGGER.equals(e.get("logger").asString())));
	}

	private String get(String path, String correlationId, boolean authenticated) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.header("X-Correlation-Id", correlationId)
			.headers((headers) -> {
				if (authenticated) {
					headers.setBasicAuth(USER, PASSWORD);
				}
			})
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(SecuredController.class)
	static class SecuredApplication {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/public")
				.permitAll()
				.anyExchange()
				.authenticated()).httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
		}

	}

	@RestController
	static class SecuredController {

		private static final Logger log = LoggerFactory.getLogger(SecuredController.class);

		@GetMapping("/secure")
		Mono<String> secure() {
			return Mono.just("secure").publishOn(Schedulers.boundedElastic()).doOnNext((body) -> log.info("secure reached"));
		}

		@GetMapping("/public")
		Mono<String> open() {
			return Mono.just("public").doOnNext((body) -> log.info("public reached"));
		}

	}

}
