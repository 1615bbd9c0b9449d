package io.github.structuredlogging.masking;

import java.util.List;
import java.util.Map;

import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.LoggingApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the JSON an application really writes, with the default masking.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskingOutputTests {

	private static final Logger log = LoggerFactory.getLogger(MaskingOutputTests.class);

	private static final String CARD = "4111 1111 1111 1111";

	private static final String LUHN_INVALID_ORDER_ID = "4111111111111112";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

	@Test
	void writesNoSecretRawWhereverItAppears(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			log.atInfo().addKeyValue("password", "hunter2-kv").log("key/value");
			MDC.put("password", "hunter2-mdc");
			MDC.put("Authorization", "Bearer " + JWT);
			try {
				log.info("in context");
			}
			finally {
				MDC.clear();
			}
			log.info("login password=hunter2-message");
			log.info("paid with {}", CARD);
			log.atInfo().addKeyValue("payment", new Payment(LUHN_INVALID_ORDER_ID, CARD)).log("payment accepted");
			log.atInfo().addKeyValue("customer", new Customer("alice", "DE-TAX-77")).log("customer");
			log.atInfo()
				.addKeyValue("request", Map.of("headers", Map.of("Api-Key", "key-nested")))
				.log("nested");
			log.error("login failed", new IllegalStateException("bad credentials, password=hunter2-exception"));
		}
		JsonLogLines lines = JsonLogLines.of(output);
		String written = JsonLogLines.written(output);
		assertThat(written).doesNotContain("hunter2", "4111 1111 1111 1111", "DE-TAX-77", "key-nested", JWT);
		assertThat(lines.withMessage("key/value").get(0).get("password").asString()).isEqualTo("****");
		JsonNode inContext = lines.withMessage("in context").get(0);
		assertThat(inContext.get("password").asString()).isEqualTo("****");
		assertThat(inContext.get("Authorization").asString()).isEqualTo("****");
		assertThat(lines.withMessage("login password=****")).hasSize(1);
		assertThat(lines.withMessage("paid with ****")).hasSize(1);
		JsonNode payment = lines.withMessage("payment accepted").get(0).get("payment");
		assertThat(payment.get("cardNumber").asString()).isEqualTo("****");
		assertThat(payment.get("orderId").asString()).isEqualTo(LUHN_INVALID_ORDER_ID);
		JsonNode customer = lines.withMessage("customer").get(0).get("customer");
		assertThat(customer.get("name").asString()).isEqualTo("alice");
		assertThat(customer.get("taxId").asString()).isEqualTo("****");
		assertThat(lines.withMessage("nested").get(0).at("/request/headers/Api-Key").asString()).isEqualTo("****");
		JsonNode failure = lines.withMessage("login failed").get(0);
		assertThat(failure.get("exception_message").asString()).isEqualTo("bad credentials, password=****");
		assertThat(failure.get("stack_trace").asString()).contains("password=****");
	}

	@Test
	void leavesLuhnInvalidNumbersAndTimestampsReadable(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			log.atInfo()
				.addKeyValue("order_id", LUHN_INVALID_ORDER_ID)
				.addKeyValue("order_number", Long.parseLong(LUHN_INVALID_ORDER_ID))
				.addKeyValue("created_at", 1764432000000L)
				.log("order {} created", LUHN_INVALID_ORDER_ID);
		}
		JsonNode event = JsonLogLines.of(output).withMessage("order " + LUHN_INVALID_ORDER_ID + " created")
			.get(0);
		assertThat(event.get("order_id").asString()).isEqualTo(LUHN_INVALID_ORDER_ID);
		assertThat(event.get("order_number").asLong()).isEqualTo(Long.parseLong(LUHN_INVALID_ORDER_ID));
		assertThat(event.get("created_at").asLong()).isEqualTo(1764432000000L);
	}

	@Test
	void appliesConfiguredReplacementLastDigitsAndPatternsOfTheUsersOwn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start(
				"structured-logging.masking.replacement=[hidden]",
				"structured-logging.masking.keep-last-four-digits=true",
				"structured-logging.masking.patterns.email.enabled=true",
				"structured-logging.masking.patterns.voucher.regex=VCH-(?<secret>[0-9]{6})",
				"structured-logging.masking.fields[0]=customer_pin")) {
			log.atInfo()
				.addKeyValue("customerPin", "1234")
				.addKeyValue("password", "still-default-field")
				.log("card {} voucher VCH-123456 for alice@example.com", CARD);
		}
		JsonNode event = JsonLogLines.of(output).all().stream()
			.filter((node) -> node.path("message").asString().startsWith("card"))
			.findFirst()
			.orElseThrow();
		assertThat(event.get("message").asString())
			.isEqualTo("card [hidden]1111 voucher VCH-[hidden] for [hidden]");
		assertThat(event.get("customerPin").asString()).isEqualTo("[hidden]");
		assertThat(event.get("password").asString()).isEqualTo("still-default-field");
	}

	@Test
	void masksThePlainConsoleLayoutToo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication
			.start("structured-logging.output.console-format=plain")) {
			log.atInfo()
				.addKeyValue("password", "hunter2-kv")
				.addKeyValue("note", "paid with " + CARD)
				.log("login password=hunter2-message");
			log.error("login failed", new IllegalStateException("bad credentials, password=hunter2-exception"));
		}
		assertThat(JsonLogLines.written(output)).doesNotContain("hunter2", CARD)
			.contains("login password=**** password=\"****\" note=\"paid with ****\"")
			.contains("java.lang.IllegalStateException: bad credentials, password=****");
	}

	@Test
	void writesEverythingAsLoggedWhenDisabled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication
			.start("structured-logging.masking.enabled=false")) {
			log.atInfo().addKeyValue("password", "visible").log("login password=visible");
		}
		List<JsonNode> events = JsonLogLines.of(output).withMessage("login password=visible");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("password").asString()).isEqualTo("visible");
	}

	record Payment(String orderId, String cardNumber) {
	}

	record Customer(String name, @Sensitive String taxId) {
	}

}
