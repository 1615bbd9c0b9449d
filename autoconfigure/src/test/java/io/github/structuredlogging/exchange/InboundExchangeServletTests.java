package io.github.structuredlogging.exchange;

import java.util.List;
import java.util.stream.Collectors;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reads the exchange lines a servlet application really writes. Lines are picked by correlation id, which each test
 * sends itself, never by the fields under test.
 */
@SpringBootTest(classes = InboundExchangeServletTests.ServletApplication.class,
		properties = { "spring.main.web-application-type=servlet", "structured-logging.exchange.include-headers=true",
				"structured-logging.exchange.include-bodies=true", "structured-logging.exchange.max-body-bytes=256",
				"management.endpoints.web.exposure.include=health,info" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class InboundExchangeServletTests {

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

	static final String PASSWORD = "Tr0ub4dor&3-horse";

	static final String COOKIE = "SESSION=5f3c9e0b8d7a6c4e";

	static final String CARD = "4111111111111111";

	private static final String INBOUND = ExchangeLogger.INBOUND_LOGGER;

	@Autowired
	private MockMvc mvc;

	@Test
	void aSuccessfulRequestIsOneInfoLineWithTheRouteTemplateAndItsFacts(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/orders/8817").header("X-Correlation-Id", "ok-1").header("X-Client-Id", "shop-web"))
			.andExpect(status().isOk());

		JsonNode line = exchangeLine(output, "ok-1");
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("message").asString()).isEqualTo("GET /orders/{id} 200");
		assertThat(line.get("http_direction").asString()).isEqualTo("inbound");
		assertThat(line.get("http_method").asString()).isEqualTo("GET");
		assertThat(line.get("http_route").asString()).isEqualTo("/orders/{id}");
		assertThat(line.get("http_status").asInt()).isEqualTo(200);
		assertThat(line.get("duration_ms").isNumber()).isTrue();
		assertThat(line.get("http_response_bytes").asLong()).isEqualTo("{\"id\":\"8817\",\"state\":\"open\"}".length());
		assertThat(line.get("http_peer").asString()).isEqualTo("127.0.0.1");
		assertThat(line.get("client_id").asString()).isEqualTo("shop-web");
		assertThat(JsonLogLines.written(output)).doesNotContain("\"http_route\":\"/orders/8817\"");
	}

	@Test
	void aClientErrorIsWarnAndAServerErrorIsError(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/orders/1/missing").header("X-Correlation-Id", "c4xx")).andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/2/unavailable").header("X-Correlation-Id", "c5xx"))
			.andExpect(status().isServiceUnavailable());

		JsonNode clientError = exchangeLine(output, "c4xx");
		assertThat(clientError.get("level").asString()).isEqualTo("WARN");
		assertThat(clientError.get("http_status").asInt()).isEqualTo(404);
		assertThat(clientError.get("http_route").asString()).isEqualTo("/orders/{id}/missing");
		JsonNode serverError = exchangeLine(output, "c5xx");
		assertThat(serverError.get("level").asString()).isEqualTo("ERROR");
		assertThat(serverError.get("http_status").asInt()).isEqualTo(503);
		assertThat(serverError.has("exception_type")).isFalse();
	}

	@Test
	void anExceptionIsAnErrorLineWithStatus500AndTheException(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> this.mvc.perform(get("/orders/3/crash").header("X-Correlation-Id", "cexc")));

		JsonNode line = exchangeLine(output, "cexc");
		assertThat(line.get("level").asString()).isEqualTo("ERROR");
		assertThat(line.get("message").asString()).isEqualTo("GET /orders/{id}/crash failed");
		assertThat(line.get("http_status").asInt()).isEqualTo(500);
		assertThat(line.get("exception_type").asString()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void credentialHeadersAndSecretBodyFieldsAreMasked(CapturedOutput output) throws Exception {
		String body = "{\"user\":\"alice\",\"password\":\"" + PASSWORD + "\",\"card\":\"" + CARD + "\"}";
		this.mvc
			.perform(post("/login").header("X-Correlation-Id", "cmask")
				.header("Authorization", "Bearer " + JWT)
				.header("Cookie", COOKIE)
				.header("X-Api-Key", "k-7731-secret-api")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());

		JsonNode line = exchangeLine(output, "cmask");
		assertThat(line.at("/http_request_headers/authorization").asString()).isEqualTo("****");
		assertThat(line.at("/http_request_headers/cookie").asString()).isEqualTo("****");
		assertThat(line.at("/http_request_headers/x-correlation-id").asString()).isEqualTo("cmask");
		assertThat(line.at("/http_request_body/user").asString()).isEqualTo("alice");
		assertThat(line.at("/http_request_body/password").asString()).isEqualTo("****");
		assertThat(line.at("/http_response_body/token").asString()).isEqualTo("****");
		assertThat(line.at("/http_response_body/user").asString()).isEqualTo("alice");
		String written = JsonLogLines.written(output)
			.lines()
			.filter((text) -> text.startsWith("{"))
			.collect(Collectors.joining("\n"));
		assertThat(written).contains("cmask");
		for (String secret : List.of(PASSWORD, JWT, COOKIE, CARD, "k-7731-secret-api", "tok-" + PASSWORD)) {
			assertThat(written).doesNotContain(secret);
			for (int i = 0; i + 6 <= secret.length(); i++) {
				assertThat(written).as("6 chars of %s at %d", secret, i).doesNotContain(secret.substring(i, i + 6));
			}
		}
	}

	@Test
	void aBodyPastTheCapIsCutAndStillWrittenAsJson(CapturedOutput output) throws Exception {
		StringBuilder items = new StringBuilder("{\"items\":[");
		for (int i = 0; i < 40; i++) {
			items.append(i > 0 ? "," : "").append("{\"sku\":\"sku-").append(i).append("\"}");
		}
		String body = items.append("],\"password\":\"" + PASSWORD + "\"}").toString();
		this.mvc
			.perform(post("/echo").header("X-Correlation-Id", "ccut")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());

		JsonNode line = exchangeLine(output, "ccut");
		assertThat(line.get("http_request_body_truncated").asBoolean()).isTrue();
		assertThat(line.get("http_response_body_truncated").asBoolean()).isTrue();
		JsonNode kept = line.at("/http_request_body/items");
		assertThat(kept.isArray()).isTrue();
		assertThat(kept.size()).isBetween(10, 39);
		assertThat(kept.get(0).get("sku").asString()).isEqualTo("sku-0");
		assertThat(line.at("/http_request_body").has("password")).isFalse();
		assertThat(line.get("http_request_bytes").asLong()).isEqualTo(body.length());
		assertThat(line.get("http_response_bytes").asLong()).isEqualTo(body.length());
	}

	@Test
	void healthAndActuatorCallsGetNoLineButOtherCallsDo(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/actuator/health").header("X-Correlation-Id", "chealth")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator").header("X-Correlation-Id", "cactuator")).andExpect(status().isOk());
		this.mvc.perform(get("/orders/5").header("X-Correlation-Id", "ccontrol")).andExpect(status().isOk());

		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(lines.withField("correlation_id", "chealth")).noneMatch(this::isExchangeLine);
		assertThat(lines.withField("correlation_id", "cactuator")).noneMatch(this::isExchangeLine);
		assertThat(lines.withField("correlation_id", "ccontrol")).filteredOn(this::isExchangeLine).hasSize(1);
	}

	private boolean isExchangeLine(JsonNode event) {
		return INBOUND.equals(event.get("logger").asString());
	}

	private JsonNode exchangeLine(CapturedOutput output, String correlationId) {
		List<JsonNode> lines = JsonLogLines.of(output)
			.where((event) -> correlationId.equals(event.path("correlation_id").asString(null)) && isExchangeLine(event));
		assertThat(lines).as("exchange lines of %s", correlationId).hasSize(1);
		return lines.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrderController.class)
	static class ServletApplication {

	}

	@RestController
	static class OrderController {

		private static final Logger log = LoggerFactory.getLogger(OrderController.class);

		@GetMapping("/orders/{id}")
		String order(@PathVariable String id) {
			log.info("order read");
			return "{\"id\":\"" + id + "\",\"state\":\"open\"}";
		}

		@GetMapping("/orders/{id}/missing")
		String missing(@PathVariable String id) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}

		@GetMapping("/orders/{id}/unavailable")
		ResponseEntity<String> unavailable(@PathVariable String id) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("later");
		}

		@GetMapping("/orders/{id}/crash")
		String crash(@PathVariable String id) {
			throw new IllegalStateException("crashed");
		}

		@PostMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
		String login(@RequestBody LoginRequest request) {
			return "{\"user\":\"" + request.user() + "\",\"token\":\"tok-" + request.password() + "\"}";
		}

		@PostMapping(path = "/echo", produces = MediaType.APPLICATION_JSON_VALUE)
		String echo(@RequestBody String body) {
			return body;
		}

	}

	record LoginRequest(String user, String password, String card) {

	}

}
