package io.github.structuredlogging.context;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.masking.Sensitive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One event with a scoped value, encoded by every format the starter writes: nested where the format nests, dotted
 * leaves where it cannot, and the secret inside the value in none of them.
 */
class ScopedContextFormatsTests {

	private static final String SECRET = "zq7Hx2Lp9Wv4Kt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<LogFormat, String> LINES = new EnumMap<>(LogFormat.class);

	@BeforeAll
	static void encodeOneEventInEveryFormat() {
		MockEnvironment environment = new MockEnvironment().withProperty("structured-logging.format.csv.columns",
				"level,message,order.id,order.lines.1.sku,order.reference");
		LoggerContext loggerContext = new LoggerContext();
		FormatContext context = new FormatContext(loggerContext, Binder.get(environment), new LimitsProperties(),
				new MaskingProperties(), "orders");
		Order order = new Order(42, List.of(new Line("sku-1"), new Line("sku-2")), SECRET, new Login("alice", SECRET));
		LoggingEvent event = new LoggingEvent("fqcn", loggerContext.getLogger("test"), Level.INFO, "scoped", null,
				null);
		try (ScopedContext.Scope scope = ScopedContext.with("order", order).open()) {
			event.setMDCPropertyMap(MDC.getCopyOfContextMap());
		}
		for (LogFormat format : LogFormat.values()) {
			Encoder<ILoggingEvent> encoder = format.createEncoder(context);
			encoder.start();
			LINES.put(format, new String(encoder.encode(event), StandardCharsets.UTF_8));
			encoder.stop();
		}
	}

	@Test
	void noFormatWritesTheSecretOrAnyPartOfIt() {
		LINES.forEach((format, line) -> {
			for (int i = 0; i + 6 <= SECRET.length(); i++) {
				assertThat(line).as("%s, window at %d", format, i).doesNotContain(SECRET.substring(i, i + 6));
			}
		});
	}

	@Test
	void jsonFormatsNestTheValue() {
		JsonNode json = JSON.readTree(LINES.get(LogFormat.JSON));
		assertThat(json.get("order").get("id").asInt()).isEqualTo(42);
		assertThat(json.get("order").get("lines").get(1).get("sku").asString()).isEqualTo("sku-2");
		assertThat(json.get("order").get("reference").asString()).isEqualTo("****");
		assertThat(json.get("order").get("login").get("user").asString()).isEqualTo("alice");
	}

	@Test
	void formatsWrittenLikeSpringBootsNestTheValueUnderTheirOwnNameForAdditionalFields() {
		for (Map.Entry<LogFormat, String> field : Map.of(LogFormat.ECS, "order", LogFormat.LOGSTASH, "order",
				LogFormat.GELF, "_order").entrySet()) {
			JsonNode order = JSON.readTree(LINES.get(field.getKey())).get(field.getValue());
			assertThat(order.get("id").asInt()).as("%s", field.getKey()).isEqualTo(42);
			assertThat(order.get("lines").get(1).get("sku").asString()).as("%s", field.getKey()).isEqualTo("sku-2");
			assertThat(order.get("login").get("password").asString()).as("%s", field.getKey()).isEqualTo("****");
		}
	}

	@Test
	void logfmtWritesEachLeafUnderItsDottedPath() {
		assertThat(LINES.get(LogFormat.LOGFMT)).contains(" order.id=42 ", " order.lines.0.sku=sku-1 ",
				" order.lines.1.sku=sku-2 ", " order.reference=**** ", " order.login.user=alice ",
				" order.login.password=****");
	}

	@Test
	void csvColumnsNameLeavesByTheirDottedPath() {
		assertThat(LINES.get(LogFormat.CSV)).isEqualTo("INFO,scoped,42,sku-2,****\r\n");
	}

	record Line(String sku) {
	}

	record Login(String user, String password) {
	}

	record Order(long id, List<Line> lines, @Sensitive String reference, Login login) {
	}

}
