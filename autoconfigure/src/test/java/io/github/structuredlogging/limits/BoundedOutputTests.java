package io.github.structuredlogging.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.LoggingApplication;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs values that break naive encoders into a running application and reads the JSON it writes.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundedOutputTests {

	private static final Logger log = LoggerFactory.getLogger(BoundedOutputTests.class);

	@Test
	void writesObjectsWhoseToStringOrSerializationFailsAsOneValidLineEach(CapturedOutput output) {
		List<Object> selfContaining = new ArrayList<>();
		selfContaining.add("first");
		selfContaining.add(selfContaining);
		Map<String, Object> cycle = new HashMap<>();
		cycle.put("self", cycle);
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			log.atInfo().addKeyValue("value", new ThrowingToString()).log("throwing toString");
			log.atInfo().addKeyValue("value", new BrokenBean()).log("broken bean");
			log.info("recursive {}", new BrokenBean());
			log.info("argument {}", new ThrowingToString());
			log.atInfo().addKeyValue("value", selfContaining).log("self-containing list");
			log.atInfo().addKeyValue("value", cycle).log("self-containing map");
			log.atInfo().addKeyValue("value", new Node()).log("self-referencing bean");
			log.atInfo().addKeyValue("value", IntStream.range(0, 100_000).boxed().toList()).log("huge list");
			log.atInfo().addKeyValue("value", new ThrowingGetter()).log("throwing getter");
		}
		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(JsonLogLines.written(output).lines().filter((line) -> line.contains(BoundedOutputTests.class.getName())))
			.hasSize(9);
		assertThat(lines.withMessage("throwing toString").get(0).get("value").toString()).isEqualTo("{}");
		assertThat(lines.withMessage("argument [FAILED toString()]")).hasSize(1);
		assertThat(lines.withMessage("self-containing list").get(0).get("value").toString())
			.isEqualTo("[\"first\",\"[cycle]\"]");
		assertThat(lines.withMessage("self-containing map").get(0).get("value").toString())
			.isEqualTo("{\"self\":\"[cycle]\"}");
		assertThat(lines.withMessage("self-referencing bean").get(0).get("value").asString())
			.isEqualTo("a node");
		JsonNode huge = lines.withMessage("huge list").get(0).get("value");
		assertThat(huge.size()).isEqualTo(101);
		assertThat(huge.get(100).asString()).isEqualTo("[99900 more elements]");
		assertThat(lines.withMessage("throwing getter").get(0).get("value").asString()).isEqualTo("bean");
		assertThat(lines.withMessage("broken bean").get(0).get("value").asString())
			.isEqualTo("[unreadable: java.lang.StackOverflowError]");
		assertThat(lines.withMessage("recursive [FAILED toString()]")).hasSize(1);
	}

	@Test
	void writesThePlainFieldsAndTheReasonWhenAnEventCannotBeEncoded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			MDC.put("tenant", "acme");
			try {
				log.atInfo()
					.addMarker(Markers.appendFields(new ThrowingGetter()))
					.addKeyValue("order", "42")
					.log("unencodable {}", StructuredArguments.keyValue("detail", new ThrowingGetter()));
			}
			finally {
				MDC.clear();
			}
		}
		JsonNode event = JsonLogLines.of(output)
			.where((node) -> node.path("message").asString().startsWith("unencodable"))
			.get(0);
		assertThat(event.get("message").asString()).isEqualTo("unencodable detail=bean");
		assertThat(event.get("tenant").asString()).isEqualTo("acme");
		assertThat(event.get("encoding_error").asString()).isEqualTo("tools.jackson.databind.DatabindException");
		assertThat(event.has("order")).isFalse();
	}

	@Test
	void cutsMessagesValuesAndMdcToTheirLimitsSayingSo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start(
				"structured-logging.limits.max-message-length=20", "structured-logging.limits.max-value-length=10",
				"structured-logging.limits.max-mdc-value-length=5",
				"structured-logging.limits.max-key-value-count=3")) {
			MDC.put("tenant", "abcdefghij");
			try {
				LoggingEventBuilder event = log.atInfo();
				IntStream.range(0, 5).forEach((i) -> event.addKeyValue("key" + i, "value-" + "x".repeat(i * 5)));
				event.log("m".repeat(100) + "\nforged\r\n{\"level\":\"ERROR\"}\u0000\ud800");
			}
			finally {
				MDC.clear();
			}
		}
		List<JsonNode> events = JsonLogLines.of(output)
			.where((event) -> event.path("message").asString().startsWith("mmm"));
		assertThat(events).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(event.get("message").asString()).isEqualTo("m".repeat(20) + "...[truncated, 128 chars]");
		assertThat(event.get("tenant").asString()).isEqualTo("abcde...[truncated, 10 chars]");
		assertThat(event.get("key0").asString()).isEqualTo("value-");
		assertThat(event.get("key2").asString()).isEqualTo("value-xxxx...[truncated, 16 chars]");
		assertThat(event.has("key3")).isFalse();
		assertThat(event.get("truncated_key_values").asInt()).isEqualTo(2);
	}

	@Test
	void writesControlCharactersAndUnpairedSurrogatesInsideOneLine(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			log.atInfo().addKeyValue("half\ud83d", "\udc00tail\u2028").log("line\nbreak\r\u0000 \ud800 end");
		}
		List<JsonNode> events = JsonLogLines.of(output)
			.where((event) -> event.path("message").asString().startsWith("line"));
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("message").asString()).isEqualTo("line\nbreak\r\u0000 \ufffd end");
		assertThat(events.get(0).get("half\ufffd").asString()).isEqualTo("\ufffdtail\u2028");
	}

	@Test
	void movesEntriesWhoseNameIsTakenIntoConflictingFields(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start()) {
			MDC.put("level", "from-mdc");
			try {
				log.atInfo()
					.addKeyValue("message", "forged")
					.addKeyValue("order", "1")
					.addKeyValue("order", "2")
					.addKeyValue("password", "a")
					.addKeyValue("password", "b")
					.log("collisions");
			}
			finally {
				MDC.clear();
			}
		}
		JsonNode event = JsonLogLines.of(output).withMessage("collisions").get(0);
		assertThat(event.get("level").asString()).isEqualTo("INFO");
		assertThat(event.get("order").asString()).isEqualTo("1");
		assertThat(event.get("conflicting_fields").toString()).isEqualTo(
				"[{\"level\":\"from-mdc\"},{\"message\":\"forged\"},{\"order\":\"2\"},{\"password\":\"****\"}]");
		assertThat(JsonLogLines.written(output)).doesNotContain("\"b\"");
	}

	@Test
	void foldsFrameworkFramesAndBoundsStackDepth(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = LoggingApplication
			.start("structured-logging.limits.max-stack-depth=6")) {
			try {
				BoundedOutputTests.class.getDeclaredMethod("fail").invoke(null);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				log.error("reflective call failed", ex);
			}
		}
		String stackTrace = JsonLogLines.of(output)
			.withMessage("reflective call failed")
			.get(0)
			.get("stack_trace")
			.asString();
		assertThat(stackTrace).contains("at jdk.internal.reflect.NativeMethodAccessorImpl.invoke0")
			.contains("... 3 frames excluded")
			.doesNotContain("DelegatingMethodAccessorImpl")
			.contains("common frames omitted")
			.containsPattern("\\.\\.\\. \\d+ frames truncated");
	}

	static void fail() {
		throw new IllegalStateException("deep failure");
	}

	static final class ThrowingToString {

		@Override
		public String toString() {
			throw new IllegalStateException("no");
		}

	}

	/**
	 * Neither Jackson nor its own toString can write it.
	 */
	static final class BrokenBean {

		public String getValue() {
			throw new IllegalStateException("getter");
		}

		@Override
		public String toString() {
			return "again " + this;
		}

	}

	/**
	 * A bean whose getter returns itself: Jackson cannot write it, so its toString is written.
	 */
	static final class Node {

		public Node getNext() {
			return this;
		}

		@Override
		public String toString() {
			return "a node";
		}

	}

	static final class ThrowingGetter {

		public String getValue() {
			throw new IllegalStateException("getter");
		}

		@Override
		public String toString() {
			return "bean";
		}

	}

}
