package io.github.structuredlogging.correlation;

import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = CorrelationServletFilterIntegrationTests.ServletApplication.class,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CorrelationServletFilterIntegrationTests {

	private static final String HEADER = "X-Correlation-Id";

	@Autowired
	private MockMvc mvc;

	@Test
	void everyLineOfARequestCarriesTheInboundIdWhichIsEchoed(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/hello").header(HEADER, "abc-123").header("X-User-Id", "user-7"))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getHeader(HEADER)).isEqualTo("abc-123"));

		JsonNode event = single(output, "handled hello");
		assertThat(event.get("correlation_id").asString()).isEqualTo("abc-123");
		assertThat(event.get("user_id").asString()).isEqualTo("user-7");
		assertThat(event.get("request_id").asString()).isNotBlank();
		assertThat(event.get("level").asString()).isEqualTo("INFO");
		assertThat(event.get("logger").asString()).isEqualTo(HelloController.class.getName());
	}

	@Test
	void leavesNothingInTheMdcOfTheThreadAfterTheRequest() throws Exception {
		this.mvc.perform(get("/hello").header(HEADER, "abc-123")).andExpect(status().isOk());

		assertThat(MDC.getCopyOfContextMap()).satisfiesAnyOf((mdc) -> assertThat(mdc).isNull(),
				(mdc) -> assertThat(mdc).isEmpty());
	}

	@Test
	void restoresWhatTheThreadHadInItsMdcBeforeTheRequest() throws Exception {
		MDC.put("correlation_id", "outer");
		try {
			this.mvc.perform(get("/hello").header(HEADER, "abc-123")).andExpect(status().isOk());

			assertThat(MDC.get("correlation_id")).isEqualTo("outer");
		}
		finally {
			MDC.clear();
		}
	}

	@Test
	void aTenKilobyteHeaderIsNeitherEchoedNorLogged(CapturedOutput output) throws Exception {
		String huge = "x".repeat(10 * 1024);

		MvcResult result = this.mvc.perform(get("/hello").header(HEADER, huge)).andExpect(status().isOk()).andReturn();

		String echoed = result.getResponse().getHeader(HEADER);
		// The request's trace id replaces it (tracing is on the test class path), as a generated id would without.
		assertThat(echoed).isNotEqualTo(huge).hasSizeBetween(32, 36);
		assertThat(JsonLogLines.written(output)).doesNotContain(huge.substring(0, 200));
		JsonNode event = single(output, "handled hello");
		assertThat(event.get("correlation_id").asString()).isEqualTo(echoed);
		assertThat(event.get("rejected_headers").asString()).isEqualTo("X-Correlation-Id:too_long");
	}

	@Test
	void aHeaderCarryingALineBreakCannotInjectALogLine(CapturedOutput output) throws Exception {
		String hostile = "abc\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}";

		MvcResult result = this.mvc.perform(get("/hello").header(HEADER, hostile))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(result.getResponse().getHeader(HEADER)).doesNotContain("\r", "\n", "forged");
		assertThat(JsonLogLines.written(output)).doesNotContain("forged");
		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(lines.withField("level", "ERROR")).isEmpty();
		assertThat(single(output, "handled hello").get("rejected_headers").asString())
			.isEqualTo("X-Correlation-Id:unsafe_characters");
	}

	@Test
	void aMessageCarryingALineBreakStaysOneJsonLine(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/echo").param("text", "ok\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}"))
			.andExpect(status().isOk());

		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(lines.withField("level", "ERROR")).isEmpty();
		assertThat(lines.withMessage("forged")).isEmpty();
		assertThat(lines.where((event) -> event.get("message").asString().startsWith("echo: ok\r\n"))).hasSize(1);
	}

	@Test
	void twoRequestsWithoutAnIdGetDifferentGeneratedIds(CapturedOutput output) throws Exception {
		String first = this.mvc.perform(get("/hello")).andReturn().getResponse().getHeader(HEADER);
		String second = this.mvc.perform(get("/hello")).andReturn().getResponse().getHeader(HEADER);

		assertThat(first).isNotBlank().isNotEqualTo(second);
		assertThat(JsonLogLines.of(output).withMessage("handled hello"))
			.extracting((event) -> event.get("correlation_id").asString())
			.containsExactly(first, second);
	}

	private static JsonNode single(CapturedOutput output, String message) {
		var events = JsonLogLines.of(output).withMessage(message);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class ServletApplication {

	}

	@RestController
	static class HelloController {

		private static final Logger log = LoggerFactory.getLogger(HelloController.class);

		@GetMapping("/hello")
		String hello() {
			log.info("handled hello");
			return "hello";
		}

		@GetMapping("/echo")
		String echo(@RequestParam String text) {
			log.info("echo: {}", text);
			return "ok";
		}

	}

}
