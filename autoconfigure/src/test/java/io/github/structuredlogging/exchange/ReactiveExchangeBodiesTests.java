package io.github.structuredlogging.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies on the exchange lines of a WebFlux server on a random port, with the servlet lines' properties: JSON
 * nested and masked field by field, cut at the cap and still JSON. Lines are picked by the correlation id each test
 * sends, never by the fields under test.
 */
@SpringBootTest(classes = ReactiveExchangeBodiesTests.ReactiveApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "structured-logging.exchange.include-headers=true",
				"structured-logging.exchange.include-bodies=true", "structured-logging.exchange.max-body-bytes=256" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ReactiveExchangeBodiesTests {

	private static final String PASSWORD = InboundExchangeServletTests.PASSWORD;

	private static final String JWT = InboundExchangeServletTests.JWT;

	private static final String CARD = InboundExchangeServletTests.CARD;

	@Autowired
	private WebTestClient client;

	@Test
	void credentialHeadersAndSecretBodyFieldsAreMasked(CapturedOutput output) {
		String body = "{\"user\":\"alice\",\"password\":\"" + PASSWORD + "\",\"card\":\"" + CARD + "\"}";
		this.client.post().uri("/login").header("X-Correlation-Id", "rmask")
			.header("Authorization", "Bearer " + JWT)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk();

		JsonNode line = exchangeLine(output, "rmask", "/login");
		assertThat(line.at("/http_request_headers/authorization").asString()).isEqualTo("****");
		assertThat(line.at("/http_request_body/user").asString()).isEqualTo("alice");
		assertThat(line.at("/http_request_body/password").asString()).isEqualTo("****");
		assertThat(line.at("/http_request_body/card").asString()).doesNotContain("1111");
		assertThat(line.at("/http_response_body/user").asString()).isEqualTo("alice");
		assertThat(line.at("/http_response_body/token").asString()).isEqualTo("****");
		assertThat(line.has("http_request_body_truncated")).isFalse();
		assertThat(line.get("http_request_bytes").asLong()).isEqualTo(body.length());
		String written = JsonLogLines.written(output);
		assertThat(written).contains("rmask");
		for (String secret : List.of(PASSWORD, JWT, CARD, "tok-" + PASSWORD)) {
			for (int i = 0; i + 6 <= secret.length(); i++) {
				assertThat(written).as("6 chars of %s at %d", secret, i).doesNotContain(secret.substring(i, i + 6));
			}
		}
	}

	@Test
	void aBodyPastTheCapIsCutAndStillWrittenAsJsonWhileTheClientGetsItWhole(CapturedOutput output) {
		StringBuilder items = new StringBuilder("{\"items\":[");
		for (int i = 0; i < 40; i++) {
			items.append(i > 0 ? "," : "").append("{\"sku\":\"sku-").append(i).append("\"}");
		}
		String body = items.append("],\"password\":\"" + PASSWORD + "\"}").toString();
		this.client.post().uri("/echo").header("X-Correlation-Id", "rcut")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo(body);

		JsonNode line = exchangeLine(output, "rcut", "/echo");
		assertThat(line.get("http_request_body_truncated").asBoolean()).isTrue();
		assertThat(line.get("http_response_body_truncated").asBoolean()).isTrue();
		JsonNode kept = line.at("/http_request_body/items");
		assertThat(kept.isArray()).isTrue();
		assertThat(kept.size()).isBetween(10, 39);
		assertThat(kept.get(0).get("sku").asString()).isEqualTo("sku-0");
		assertThat(line.at("/http_request_body").has("password")).isFalse();
		assertThat(line.at("/http_response_body/items").get(0).get("sku").asString()).isEqualTo("sku-0");
		assertThat(line.get("http_request_bytes").asLong()).isEqualTo(body.length());
		assertThat(line.get("http_response_bytes").asLong()).isEqualTo(body.length());
		assertThat(JsonLogLines.written(output)).doesNotContain(PASSWORD.substring(0, 6));
	}

	private static JsonNode exchangeLine(CapturedOutput output, String correlationId, String route) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !lines(output, correlationId, route).isEmpty());
		List<JsonNode> lines = lines(output, correlationId, route);
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private static List<JsonNode> lines(CapturedOutput output, String correlationId, String route) {
		return JsonLogLines.of(output)
			.withField("correlation_id", correlationId)
			.stream()
			.filter((e) -> ExchangeLogger.INBOUND_LOGGER.equals(e.get("logger").asString())
					&& route.equals(e.path("http_route").asString()))
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BodyController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class BodyController {

		@PostMapping("/login")
		Mono<Map<String, String>> login(@RequestBody Map<String, String> request) {
			return Mono.just(Map.of("user", request.get("user"), "token", "tok-" + request.get("password")));
		}

		@PostMapping(path = "/echo", produces = MediaType.APPLICATION_JSON_VALUE)
		Mono<String> echo(@RequestBody String body) {
			return Mono.just(body);
		}

	}

}
