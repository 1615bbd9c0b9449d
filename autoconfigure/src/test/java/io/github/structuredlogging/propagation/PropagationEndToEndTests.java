package io.github.structuredlogging.propagation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.structuredlogging.exchange.ExchangeLogger;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server on a random port calls itself through each client Spring hands out, so that both sides of every
 * call write lines into the same output: one side's outbound line and the other's inbound line must match up, and
 * a host outside the allow list ({@code 127.0.0.2}, the same server under another name) must see no id.
 */
@SpringBootTest(classes = PropagationEndToEndTests.CallingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class PropagationEndToEndTests {

	private static final String UUID_ID = "6f1c2a9e-7b3d-4e5f-8a9b-0c1d2e3f4a5b";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ReceivedHeaders received;

	@Test
	void restClientWebClientAndRestTemplateCarryTheIdAndBothSidesLogTheExchange(CapturedOutput output) {
		for (String client : List.of("rest-client", "web-client", "rest-template")) {
			String correlationId = "front-" + client;
			String answer = RestClient.create()
				.get()
				.uri("http://localhost:{port}/front?client={client}&host=localhost", this.port, client)
				.header("X-Correlation-Id", correlationId)
				.retrieve()
				.body(String.class);

			assertThat(answer).isEqualTo("back " + correlationId);
			JsonLogLines lines = JsonLogLines.of(output);
			List<JsonNode> ofRequest = lines.withField("correlation_id", correlationId);
			assertThat(ofRequest).as(client).anyMatch((e) -> "calling back".equals(e.get("message").asString()));
			assertThat(ofRequest).as(client).anyMatch((e) -> "back reached".equals(e.get("message").asString()));
			JsonNode outbound = single(ofRequest, ExchangeLogger.OUTBOUND_LOGGER, "/back/{id}");
			JsonNode inbound = single(ofRequest, ExchangeLogger.INBOUND_LOGGER, "/back/{id}");
			assertThat(outbound.get("http_method").asString()).isEqualTo(inbound.get("http_method").asString());
			assertThat(outbound.get("http_status").asInt()).isEqualTo(inbound.get("http_status").asInt()).isEqualTo(200);
			assertThat(outbound.get("http_peer").asString()).isEqualTo("localhost:" + this.port);
			assertThat(inbound.get("request_id").asString()).isNotEqualTo(outbound.get("request_id").asString());
		}
	}

	@Test
	void aUuidCorrelationIdAlsoTravelsAsTheTraceIdOfATraceparent(CapturedOutput output) {
		RestClient.create()
			.get()
			.uri("http://localhost:{port}/front?client=rest-client&host=localhost", this.port)
			.header("X-Correlation-Id", UUID_ID)
			.retrieve()
			.body(String.class);

		String traceparent = this.received.traceparents.get(UUID_ID);
		assertThat(traceparent).matches("00-6f1c2a9e7b3d4e5f8a9b0c1d2e3f4a5b-[0-9a-f]{16}-00");
	}

	@Test
	void aHostOutsideTheAllowListReceivesNoIdFromAnyClient(CapturedOutput output) {
		for (String client : List.of("rest-client", "web-client", "rest-template")) {
			String correlationId = "secret-" + client;
			String answer = RestClient.create()
				.get()
				.uri("http://localhost:{port}/front?client={client}&host=127.0.0.2", this.port, client)
				.header("X-Correlation-Id", correlationId)
				.retrieve()
				.body(String.class);

			assertThat(answer).as(client).startsWith("back ").doesNotContain(correlationId);
			assertThat(this.received.traceparents).as(client).doesNotContainKey(answer.substring(5));
			List<JsonNode> ofRequest = JsonLogLines.of(output).withField("correlation_id", correlationId);
			assertThat(ofRequest).as(client).noneMatch((e) -> "back reached".equals(e.get("message").asString()));
			assertThat(single(ofRequest, ExchangeLogger.OUTBOUND_LOGGER, "/back/{id}").get("http_peer").asString())
				.isEqualTo("127.0.0.2:" + this.port);
		}
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
	@Import({ FrontController.class, BackController.class, ReceivedHeaders.class })
	static class CallingApplication {

	}

	static class ReceivedHeaders {

		final Map<String, String> traceparents = new ConcurrentHashMap<>();

	}

	@RestController
	static class FrontController {

		private static final Logger log = LoggerFactory.getLogger(FrontController.class);

		private final RestClient restClient;

		private final WebClient webClient;

		private final RestTemplate restTemplate;

		FrontController(RestClient.Builder restClient, WebClient.Builder webClient, RestTemplateBuilder restTemplate) {
			this.restClient = restClient.build();
			this.webClient = webClient.build();
			this.restTemplate = restTemplate.build();
		}

		@GetMapping("/front")
		String front(@RequestParam String client, @RequestParam String host,
				@Value("${local.server.port}") int port) {
			log.info("calling back");
			String url = "http://" + host + ":" + port + "/back/{id}";
			return switch (client) {
				case "rest-client" -> this.restClient.get().uri(url, 42).retrieve().body(String.class);
				case "web-client" -> this.webClient.get().uri(url, 42).retrieve().bodyToMono(String.class).block();
				default -> this.restTemplate.getForObject(url, String.class, 42);
			};
		}

	}

	@RestController
	static class BackController {

		private static final Logger log = LoggerFactory.getLogger(BackController.class);

		private final ReceivedHeaders received;

		BackController(ReceivedHeaders received) {
			this.received = received;
		}

		@GetMapping("/back/{id}")
		String back(@PathVariable String id,
				@RequestHeader(name = "traceparent", required = false) String traceparent) {
			log.info("back reached");
			String correlationId = MDC.get("correlation_id");
			if (traceparent != null) {
				this.received.traceparents.put(correlationId, traceparent);
			}
			return "back " + correlationId;
		}

	}

}
