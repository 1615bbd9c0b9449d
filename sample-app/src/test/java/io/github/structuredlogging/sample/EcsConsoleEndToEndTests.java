package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app started with {@code --logging.structured.format.console=ecs}, as a user of Spring Boot's structured
 * logging would: the console writes ECS, with the starter's correlation ids and masking.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, args = "--logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class EcsConsoleEndToEndTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void writesEcsLinesWithCorrelationIds(CapturedOutput output) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders"))
				.header("Content-Type", "application/json")
				.header("X-Correlation-Id", "ecs-123")
				.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book-ecs\",\"quantity\":2}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		String orderId = MAPPER.readTree(response.body()).get("id").asString();

		List<JsonNode> lines = await().until(() -> output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(MAPPER::readTree)
			.filter((event) -> "book-ecs".equals(event.path("item").asString())
					|| orderId.equals(event.path("order_id").asString()))
			.toList(), (found) -> found.stream()
				.anyMatch((event) -> "Order confirmation sent".equals(event.path("message").asString())));
		assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allSatisfy((event) -> {
			assertThat(event.at("/ecs/version").asString()).isEqualTo("8.11");
			assertThat(event.at("/service/name").asString()).isEqualTo("order-service");
			assertThat(event.at("/log/level").isString()).isTrue();
			assertThat(event.path("correlation_id").asString()).isEqualTo("ecs-123");
		});
		assertThat(output.getOut()).contains("console-format=ecs [logging.structured.format.console]");
	}

}
