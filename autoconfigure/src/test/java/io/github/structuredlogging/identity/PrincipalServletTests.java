package io.github.structuredlogging.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.github.structuredlogging.exchange.ExchangeLogger;
import io.github.structuredlogging.support.JsonLogLines;
import org.awaitility.Awaitility;
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
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with Spring Security and HTTP Basic: every line of an authenticated request (the controller's and
 * the exchange line written outside Spring Security's filters) carries the principal, an anonymous request's lines
 * carry none, and no part of the password (any 6 consecutive characters) is written anywhere, even with request
 * headers logged. The hashed form is checked in {@link PrincipalNamesTests}.
 */
@SpringBootTest(classes = PrincipalServletTests.SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"structured-logging.exchange.include-headers=true",
				"spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class PrincipalServletTests {

	private static final String USER = "alice.wonder";

	private static final String PASSWORD = "Pw-7q!Zr2$kV9x#Lm4";

	@Value("${local.server.port}")
	private int port;

	@Test
	void everyLineOfAnAuthenticatedRequestCarriesThePrincipalAndNoneCarriesThePassword(CapturedOutput output) {
		String answer = get("/secure", "req-secure", true);

		assertThat(answer).isEqualTo("secure");
		List<JsonNode> lines = exchangeLogged(output, "req-secure");
		assertThat(lines).anyMatch((e) -> "secure reached".equals(e.get("message").asString()))
			.allSatisfy((e) -> assertThat(e.path("principal").asString()).as(e.toString()).isEqualTo(USER));
		String written = JsonLogLines.written(output);
		assertThat(written).as("positive control: the user name is written").contains(USER);
		assertNoPartOfThePassword(written);
	}

	@Test
	void anAnonymousRequestCarriesNoPrincipal(CapturedOutput output) {
		get("/secure", "req-positive", true);
		String answer = get("/public", "req-anonymous", false);

		assertThat(answer).isEqualTo("public");
		assertThat(exchangeLogged(output, "req-positive")).allMatch((e) -> e.has("principal"));
		List<JsonNode> anonymous = exchangeLogged(output, "req-anonymous");
		assertThat(anonymous).anyMatch((e) -> "public reached".equals(e.get("message").asString()))
			.noneMatch((e) -> e.has("principal"));
	}

	@Test
	void aRejectedPasswordIsNotWrittenEither(CapturedOutput output) {
		HttpStatusCode status = RestClient.create()
			.get()
			.uri("http://localhost:{port}/secure", this.port)
			.header("X-Correlation-Id", "req-rejected")
			.headers((headers) -> headers.setBasicAuth(USER, PASSWORD + "-wrong"))
			.exchange((request, response) -> response.getStatusCode());

		assertThat(status.value()).isEqualTo(401);
		assertThat(exchangeLogged(output, "req-rejected")).noneMatch((e) -> e.has("principal"));
		assertNoPartOfThePassword(JsonLogLines.written(output));
	}

	/**
	 * The lines of a request once its exchange line is written: the filter writes it after the response went out.
	 */
	private static List<JsonNode> exchangeLogged(CapturedOutput output, String correlationId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> JsonLogLines.of(output).withField("correlation_id", correlationId),
					(lines) -> lines.stream()
						.anyMatch((e) -> ExchangeLogger.INBOUND_LOGGER.equals(e.get("logger").asString())));
	}

	private String get(String path, String correlationId, boolean authenticated) {
		return RestClient.create()
			.get()
			.uri("http://localhost:{port}" + path, this.port)
			.header("X-Correlation-Id", correlationId)
			.headers((headers) -> {
				if (authenticated) {
					headers.setBasicAuth(USER, PASSWORD);
				}
			})
			.retrieve()
			.body(String.class);
	}

	/**
	 * Checks every 6-character window of the password, and of its Base64 form in an {@code Authorization} header.
	 */
	private static void assertNoPartOfThePassword(String written) {
		String basic = Base64.getEncoder()
			.encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (String secret : List.of(PASSWORD, basic.substring(basic.length() - 20))) {
			for (int i = 0; i + 6 <= secret.length(); i++) {
				assertThat(written).as("part %d of %s", i, secret).doesNotContain(secret.substring(i, i + 6));
			}
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(SecuredController.class)
	static class SecuredApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public", "/error")
				.permitAll()
				.anyRequest()
				.authenticated()).httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).build());
		}

		/** What Boot's security auto-configuration registers: the filter chain at Spring Security's order. */
		@Bean
		DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
			DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
					"springSecurityFilterChain");
			registration.setOrder(-100);
			return registration;
		}

	}

	@RestController
	static class SecuredController {

		private static final Logger log = LoggerFactory.getLogger(SecuredController.class);

		@GetMapping("/secure")
		String secure() {
			log.info("secure reached");
			return "secure";
		}

		@GetMapping("/public")
		String open() {
			log.info("public reached");
			return "public";
		}

	}

}
