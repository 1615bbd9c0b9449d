package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The sample app with its defaults: stdout holds nothing but JSON objects, one per line, from start-up on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class JsonOnlyStdoutEndToEndTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void everyLineOnStdoutIsOneJsonObject(CapturedOutput output) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders/missing")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		await().until(() -> output.getOut().contains("Order not found"));

		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Started JsonOnlyStdoutEndToEndTests"));
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line).startsWith("{").endsWith("}");
			assertThatNoException().as(line).isThrownBy(() -> MAPPER.readTree(line));
		});
	}

}
