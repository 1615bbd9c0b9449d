package io.github.structuredlogging.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.structuredlogging.support.TextLogLines;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.structuredlogging.support.JsonLogLines;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LogEventFieldContributor} beans of a real application, in every format: a fixed field and one computed
 * from the event reach the lines written after the context is refreshed, masked and bounded like key/values; the
 * start-up line, written before any bean existed, is the negative control and carries none of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventFieldContributorTests {

	private static final Logger log = LoggerFactory.getLogger("com.acme.contributed");

	private static final String MARKER = "contributed line";

	private static final String SECRET = "hunter2-contributed";

	private static final int MAX_VALUE_LENGTH = 32;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> FIELDS = List.of("cloud.region", "tenant_code", "password", "blob");

	@ParameterizedTest(name = "{0}")
	@EnumSource(LogFormat.class)
	void contributedFieldsReachEveryLineWrittenAfterStartUpMaskedAndBounded(LogFormat format,
			CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ContributingApplication.class)
			.properties("spring.main.web-application-type=none", "spring.application.name=contributing",
					"structured-logging.async.enabled=false",
					"structured-logging.limits.max-value-length=" + MAX_VALUE_LENGTH,
					"structured-logging.format.csv.columns=level,message," + String.join(",", FIELDS),
					"structured-logging.output.console-format=" + format.name().toLowerCase())
			.run()) {
			MDC.put("tenant_id", "acme");
			try {
				log.atInfo().addKeyValue("order", "o-1").log(MARKER);
			}
			finally {
				MDC.clear();
			}
		}
		String written = JsonLogLines.written(output);
		Map<String, String> line = fields(format, written, MARKER);
		assertThat(line.get("cloud.region")).isEqualTo("eu-west-1");
		assertThat(line.get("tenant_code")).isEqualTo("ACME");
		assertThat(line.get("password")).isEqualTo("****");
		assertThat(line.get("blob")).startsWith("x".repeat(8)).doesNotContain("x".repeat(MAX_VALUE_LENGTH + 1));
		assertThat(written).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 6));
		Map<String, String> startUp = fields(format, written, "Structured logging: defaults=");
		assertThat(startUp).containsOnlyKeys("message");
	}

	/**
	 * The contributed fields of the one line whose message starts with a text, read in the format's own syntax.
	 */
	private static Map<String, String> fields(LogFormat format, String written, String message) {
		return switch (format) {
			case JSON, LOGSTASH -> json(written, message, "message", (event, name) -> event.get(name));
			case ECS -> json(written, message, "message", (event, name) -> event.at("/" + name.replace('.', '/')));
			case GELF -> json(written, message, "short_message", (event, name) -> event.get("_" + name));
			case LOGFMT -> {
				List<Map<String, String>> lines = written.lines()
					.map(TextLogLines::logfmt)
					.filter((pairs) -> String.valueOf(pairs.get("message")).startsWith(message))
					.toList();
				assertThat(lines).hasSize(1);
				yield present(lines.get(0));
			}
			case CSV -> {
				List<List<String>> records = TextLogLines.csv(written);
				List<String> header = records.get(0);
				List<List<String>> lines = records.stream().filter((record) -> record.get(1).startsWith(message)).toList();
				assertThat(lines).hasSize(1);
				Map<String, String> fields = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					fields.put(header.get(i), lines.get(0).get(i));
				}
				yield present(fields);
			}
			case PLAIN -> {
				List<String> lines = written.lines().filter((line) -> line.contains(" : " + message)).toList();
				assertThat(lines).hasSize(1);
				Map<String, String> fields = new HashMap<>();
				fields.put("message", message);
				Matcher pair = Pattern.compile("([\\w.]+)=\"([^\"]*)\"").matcher(lines.get(0));
				while (pair.find()) {
					if (FIELDS.contains(pair.group(1))) {
						fields.put(pair.group(1), pair.group(2));
					}
				}
				yield fields;
			}
		};
	}

	private static Map<String, String> json(String written, String message, String messageField,
			java.util.function.BiFunction<JsonNode, String, JsonNode> field) {
		List<JsonNode> lines = written.lines().map((line) -> {
			assertThat(line).startsWith("{");
			return JSON.readTree(line);
		}).filter((event) -> event.path(messageField).asString().startsWith(message)).toList();
		assertThat(lines).hasSize(1);
		Map<String, String> fields = new HashMap<>();
		fields.put("message", message);
		for (String name : FIELDS) {
			JsonNode value = field.apply(lines.get(0), name);
			if (value != null && !value.isMissingNode()) {
				fields.put(name, value.asString());
			}
		}
		return fields;
	}

	private static Map<String, String> present(Map<String, String> pairs) {
		Map<String, String> fields = new HashMap<>();
		fields.put("message", pairs.get("message"));
		for (String name : FIELDS) {
			String value = pairs.get(name);
			if (value != null && !value.isEmpty()) {
				fields.put(name, value);
			}
		}
		return fields;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ContributingApplication {

		@Bean
		@Order(1)
		LogEventFieldContributor region() {
			return LogEventFieldContributor.fixed("cloud.region", "eu-west-1");
		}

		@Bean
		@Order(2)
		LogEventFieldContributor tenantCode() {
			return (event, fields) -> {
				String tenant = event.getMDCPropertyMap().get("tenant_id");
				if (tenant != null) {
					fields.accept("tenant_code", tenant.toUpperCase());
				}
			};
		}

		@Bean
		@Order(3)
		LogEventFieldContributor secretAndBlob() {
			return (event, fields) -> {
				if (event.getFormattedMessage().startsWith(MARKER)) {
					fields.accept("password", SECRET);
					fields.accept("blob", "x".repeat(MAX_VALUE_LENGTH * 3));
				}
			};
		}

	}

}
