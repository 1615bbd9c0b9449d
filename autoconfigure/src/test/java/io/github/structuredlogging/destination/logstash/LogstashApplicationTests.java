package io.github.structuredlogging.destination.logstash;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import io.github.structuredlogging.support.LoggingApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A {@code logstash} destination configured from properties, as a user writes them: the host list with a first
 * host that refuses connections, the connection strategy, the level and the format.
 */
class LogstashApplicationTests {

	@Test
	void shipsJsonLinesToTheFirstReachableHostAtTheConfiguredLevel() throws Exception {
		int refusing;
		try (ServerSocket closed = new ServerSocket(0)) {
			refusing = closed.getLocalPort();
		}
		try (CuttingLineReceiver receiver = new CuttingLineReceiver(Integer.MAX_VALUE, Duration.ZERO);
				ConfigurableApplicationContext context = LoggingApplication.start(
						"structured-logging.destinations.collector.type=logstash",
						"structured-logging.destinations.collector.level=info",
						"structured-logging.destinations.collector.format=json",
						"structured-logging.destinations.collector.spill.enabled=false",
						"structured-logging.destinations.collector.logstash.hosts=127.0.0.1:" + refusing
								+ ", 127.0.0.1:" + receiver.port(),
						"structured-logging.destinations.collector.logstash.connection-strategy=prefer-primary",
						"structured-logging.destinations.collector.logstash.connect-timeout=1s")) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.acme.Orders");
			logger.debug("below the destination's level");
			logger.info("order {} placed", 42);
			await().atMost(Duration.ofSeconds(20)).until(() -> line(receiver, "order 42 placed").isPresent());
			JsonNode shipped = JsonMapper.builder().build().readTree(line(receiver, "order 42 placed").orElseThrow());
			assertThat(shipped.path("message").asString()).isEqualTo("order 42 placed");
			assertThat(shipped.path("level").asString()).isEqualTo("INFO");
			assertThat(line(receiver, "below the destination's level")).isEmpty();
		}
	}

	@Test
	void refusesAnUnknownConnectionStrategyNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> LoggingApplication
				.start("structured-logging.destinations.collector.type=logstash",
						"structured-logging.destinations.collector.logstash.connection-strategy=fastest")
				.close())
			.withStackTraceContaining("structured-logging.destinations.collector.logstash.connection-strategy");
	}

	private static Optional<String> line(CuttingLineReceiver receiver, String text) {
		return receiver.lines().stream().filter((line) -> line.contains(text)).findFirst();
	}

}
