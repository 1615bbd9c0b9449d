package io.github.structuredlogging.destination;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelineEndpoint;
import io.github.structuredlogging.async.LogPipelineEndpoint.DestinationDescriptor;
import io.github.structuredlogging.async.LogPipelineHealthIndicator;
import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.LoggingApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A destination configured in the application's properties, as a user sets it up: what reaches the receiver, and
 * what the endpoint, the health indicator and the meters say while it is up and while it is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class DestinationApplicationTests {

	/** {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}, SD being one element here. */
	private static final Pattern RFC_5424 = Pattern
		.compile("<(\\d+)>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|\\[(?:[^\\]\\\\]|\\\\.)*\\]) (.*)", Pattern.DOTALL);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void shipsSyslogWithTheConfiguredLevelFormatAndFacilityAndAccountsPerDestination() throws Exception {
		try (OctetCountingReceiver receiver = new OctetCountingReceiver();
				ConfigurableApplicationContext context = start(receiver.port())) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.acme.Orders");
			MDC.put("correlationId", "corr-\"1\"]\\x");
			logger.info("order {} placed", 42);
			MDC.clear();
			logger.debug("below the destination's level");
			await().until(() -> received(receiver, "order 42 placed") != null);
			assertThat(received(receiver, "below the destination's level")).isNull();

			String shipped = received(receiver, "order 42 placed");
			Matcher message = RFC_5424.matcher(shipped);
			assertThat(message.matches()).as(shipped).isTrue();
			assertThat(message.group(1)).as("PRI of local2.info").isEqualTo(String.valueOf(18 * 8 + 6));
			assertThat(message.group(4)).isEqualTo("orders");
			assertThat(message.group(5)).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
			assertThat(message.group(7)).isEqualTo("[mdc@32473 correlationId=\"corr-\\\"1\\\"\\]\\\\x\"]");
			JsonNode body = MAPPER.readTree(message.group(8));
			assertThat(body.get("message").asString()).isEqualTo("order 42 placed");
			assertThat(message.group(8)).doesNotEndWith("\n");
			assertThat(receiver.errors()).isEmpty();

			DestinationOutput destination = destination();
			assertThat(destination.getDelivered(Level.INFO)).isEqualTo(receiver.messages().size());
			assertThat(destination.getFiltered(Level.DEBUG)).isPositive();
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new DestinationMetrics(loggerContext()).bindTo(registry);
			assertThat(registry.get("logging.events.delivered")
				.tags("destination", "collector", "level", "info")
				.functionCounter()
				.count()).isEqualTo(destination.getDelivered(Level.INFO));
			assertThat(registry.get("logging.destination.connected").tag("destination", "collector").gauge().value())
				.isEqualTo(1);
			DestinationDescriptor described = new LogPipelineEndpoint(loggerContext()).pipelines()
				.pipelines()
				.get(LogPipelineAppender.DEFAULT_NAME)
				.destinations()
				.get("collector");
			assertThat(described.connected()).isTrue();
			assertThat(described.downSince()).isNull();
			assertThat(described.levels().get("delivered")).containsEntry("INFO", destination.getDelivered(Level.INFO));
			assertThat(health().getDetails()).extractingByKey(LogPipelineAppender.DEFAULT_NAME)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("degraded", false);

			receiver.close();
			long warningsBefore = destination.getAccepted(Level.WARN);
			for (int i = 0; i < 40; i++) {
				logger.warn("while down {}", i);
				logger.info("while down {}", i);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> destination.getDownSince() != null);
			await().until(() -> destination.getBufferSize() + destination.getSpilled(Level.WARN) >= 30);
			Map<?, ?> details = (Map<?, ?>) health().getDetails().get(LogPipelineAppender.DEFAULT_NAME);
			assertThat(details.get("degraded")).isEqualTo(true);
			assertThat(((Map<?, ?>) ((Map<?, ?>) details.get("destinations")).get("collector")).get("downSince"))
				.isEqualTo(destination.getDownSince());
			assertThat(registry.get("logging.destination.spill.bytes").gauge().value()).isPositive();
			assertThat(destination.getDropped(Level.INFO)).as("INFO beyond the 16-event buffer").isPositive();
			assertThat(destination.getDropped(Level.WARN)).isZero();
			// Exact while the receiver is down: what is neither delivered, dropped nor filtered waits in memory
			// (the buffer or the batch being retried) or in the spill file.
			await().untilAsserted(() -> {
				for (Level level : new Level[] { Level.DEBUG, Level.INFO, Level.WARN }) {
					assertThat(destination.getAccepted(level)).as(level.toString())
						.isEqualTo(destination.getDelivered(level) + destination.getDropped(level)
								+ destination.getSpilled(level) + destination.getBuffered(level)
								+ destination.getFiltered(level));
				}
				assertThat(destination.getAccepted(Level.WARN)).isGreaterThanOrEqualTo(warningsBefore + 40);
			});
			assertThat(destination.getBuffered(Level.WARN) + destination.getBuffered(Level.INFO))
				.as("buffered counts the 16-event memory buffer and the batch being retried")
				.isGreaterThanOrEqualTo(destination.getBufferSize());
		}
	}

	@Test
	void writesTheConsoleAsADestinationWithItsOwnLevelAndFormat(CapturedOutput output) {
		try (ConfigurableApplicationContext context = LoggingApplication.start(
				"structured-logging.destinations.stdout.type=console",
				"structured-logging.destinations.stdout.level=warn",
				"structured-logging.destinations.stdout.format=plain")) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.acme.Console");
			logger.info("console info");
			logger.warn("console warning");
			await().until(() -> plainLines(output, "console warning").size() == 1);
			assertThat(plainLines(output, "console info")).isEmpty();
			assertThat(plainLines(output, "console warning").get(0)).contains("WARN");
			assertThat(JsonLogLines.parse(output.getOut()).withMessage("console info")).as("the JSON console too")
				.hasSize(1);
		}
	}

	private static List<String> plainLines(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> !line.startsWith("{") && line.contains(text)).toList();
	}

	@Test
	void refusesADestinationWithoutATypeNamingTheProperty() {
		assertThatException().isThrownBy(() -> LoggingApplication
			.start("structured-logging.destinations.audit.level=WARN").close())
			.withStackTraceContaining("structured-logging.destinations.audit.type");
	}

	@Test
	void refusesDestinationsWhenThePipelineIsDisabled() {
		assertThatException().isThrownBy(() -> LoggingApplication.start("structured-logging.async.enabled=false",
				"structured-logging.destinations.audit.type=console").close())
			.withStackTraceContaining("structured-logging.async.enabled");
	}

	private ConfigurableApplicationContext start(int port) {
		// The logger lets DEBUG through, so that only the destination's own level keeps it out.
		return LoggingApplication.start("logging.level.com.acme=DEBUG",
				"structured-logging.destinations.collector.type=syslog",
				"structured-logging.destinations.collector.level=info",
				"structured-logging.destinations.collector.buffer.max-events=16",
				"structured-logging.destinations.collector.retry.initial-backoff=20ms",
				"structured-logging.destinations.collector.retry.max-backoff=50ms",
				"structured-logging.destinations.collector.spill.directory=" + this.directory,
				"structured-logging.destinations.collector.syslog.host=127.0.0.1",
				"structured-logging.destinations.collector.syslog.port=" + port,
				"structured-logging.destinations.collector.syslog.facility=local2",
				"structured-logging.destinations.collector.syslog.app-name=orders");
	}

	private static String received(OctetCountingReceiver receiver, String text) {
		return receiver.messages().stream().filter((message) -> message.contains(text)).findFirst().orElse(null);
	}

	private static Health health() {
		return new LogPipelineHealthIndicator(loggerContext(), new AsyncProperties.Health()).health();
	}

	private static DestinationOutput destination() {
		Logger root = loggerContext().getLogger(Logger.ROOT_LOGGER_NAME);
		LogPipelineAppender pipeline = (LogPipelineAppender) root.getAppender(LogPipelineAppender.DEFAULT_NAME);
		return (DestinationOutput) pipeline.getOutputs()
			.stream()
			.filter((output) -> output.name().equals("collector"))
			.findFirst()
			.orElseThrow();
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

}
