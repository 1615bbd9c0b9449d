package io.github.structuredlogging.destination.kafka;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelineEndpoint;
import io.github.structuredlogging.async.LogPipelineEndpoint.DestinationDescriptor;
import io.github.structuredlogging.async.LogPipelines;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.support.BurstMain;
import io.github.structuredlogging.support.LossSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application configured with {@code structured-logging.destinations.<name>.type: kafka}, against a
 * real KRaft broker in this JVM: what it ships, its meters and endpoint entry; and a child JVM that exits normally
 * with records in flight.
 */
class KafkaDestinationApplicationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@RegisterExtension
	static final KraftBroker broker = new KraftBroker();

	@TempDir
	Path directory;

	@Test
	void shipsTheApplicationsEventsKeyedByServiceWithMetersEndpointAndTheProducersOwnMetrics() throws Exception {
		broker.createTopic("app", 1);
		int events = 1000;
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(MetricsConfig.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=orders",
					"structured-logging.destinations.fleet.type=kafka",
					"structured-logging.destinations.fleet.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"structured-logging.destinations.fleet.kafka.topic=app",
					"structured-logging.destinations.fleet.kafka.key=service-name",
					"structured-logging.destinations.fleet.spill.directory=" + this.directory)
			.run()) {
			Logger logger = LoggerFactory.getLogger("shipped");
			for (int seq = 0; seq < events; seq++) {
				logger.atLevel((seq % 10 == 0) ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.INFO)
					.addKeyValue("seq", seq)
					.log("shipped");
			}
			// The client logs INFO when it connects, which may happen before or after the pipeline starts: one
			// event on its logger makes the refusal of the client's own events certain to be exercised.
			LoggerFactory.getLogger("org.apache.kafka.clients.producer.KafkaProducer").info("client event");
			DestinationOutput fleet = destination("fleet");
			// Other WARN events (Spring's own, say) may be shipped too: settled means every accepted one is accounted.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> fleet.getDelivered(Level.WARN) >= events / 10 && fleet.getBufferSize() == 0
						&& fleet.getDelivered(Level.WARN) == fleet.getAccepted(Level.WARN));
			MeterRegistry registry = application.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(registry.find("kafka.producer.record.send.total")
					.tags("destination", "fleet", "appender", LogPipelineAppender.DEFAULT_NAME)
					.functionCounter()).isNotNull());
			assertThat(registry.get("kafka.producer.record.send.total").tag("destination", "fleet").functionCounter()
				.count()).isGreaterThanOrEqualTo(events / 10);
			assertThat(registry.get("logging.events.delivered").tags("destination", "fleet", "level", "warn")
				.functionCounter()
				.count()).isEqualTo(fleet.getDelivered(Level.WARN));
			assertThat(registry.get("logging.destination.connected").tag("destination", "fleet").gauge().value())
				.isEqualTo(1.0);
			DestinationDescriptor descriptor = new LogPipelineEndpoint(loggerContext()).pipelines()
				.pipelines()
				.get(LogPipelineAppender.DEFAULT_NAME)
				.destinations()
				.get("fleet");
			assertThat(descriptor.connected()).isTrue();
			assertThat(descriptor.levels().get("delivered").get("WARN")).isEqualTo(fleet.getDelivered(Level.WARN));
			assertThat(fleet.getFiltered(Level.INFO)).as("the Kafka client's own INFO events, refused")
				.isPositive();
		}
		List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("app", events, Duration.ofSeconds(1));
		List<JsonNode> shipped = records.stream().map((record) -> MAPPER.readTree(record.value())).toList();
		assertThat(shipped.stream().filter((json) -> "shipped".equals(json.get("logger").asString()))
			.map((json) -> json.get("seq").asInt())).containsExactlyElementsOf(IntStream.range(0, events).boxed().toList());
		assertThat(shipped).noneMatch((json) -> json.get("logger").asString().startsWith("org.apache.kafka"));
		assertThat(records).allSatisfy((record) -> assertThat(new String(record.key())).isEqualTo("orders"));
	}

	@Test
	void aChildJvmThatExitsNormallyDeliversOrReportsEveryRecordInFlight() throws Exception {
		int events = 50_000;
		broker.createTopic("shutdown", 1);
		Path stderr = this.directory.resolve("stderr.txt");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BurstMain.class.getName(), Integer.toString(events),
				"spring.application.name=shutdown",
				"structured-logging.destinations.fleet.type=kafka",
				"structured-logging.destinations.fleet.kafka.bootstrap-servers=" + broker.bootstrapServers(),
				"structured-logging.destinations.fleet.kafka.topic=shutdown",
				"structured-logging.destinations.fleet.spill.directory=" + this.directory.resolve("spill"),
				"structured-logging.destinations.fleet.buffer.max-events=5000")
			.redirectOutput(Redirect.DISCARD)
			.redirectError(stderr.toFile())
			.start();
		assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child exited").isTrue();
		assertThat(child.exitValue()).as(Files.readString(stderr)).isZero();

		List<JsonNode> burst = broker.readAll("shutdown", 1, Duration.ofSeconds(2))
			.stream()
			.map((record) -> MAPPER.readTree(record.value()))
			.filter((json) -> BurstMain.MESSAGE.equals(json.get("message").asString()))
			.toList();
		Map<String, Map<String, Long>> reported = LossSummary.parse(Files.readString(stderr),
				"structured-logging: destination fleet ");
		long reportedWarnings = LossSummary.count(reported, "dropped", "WARN")
				+ LossSummary.count(reported, "spilled", "WARN");
		List<Integer> warnings = burst.stream()
			.filter((json) -> "WARN".equals(json.get("level").asString()))
			.map((json) -> json.get("seq").asInt())
			.toList();
		assertThat(warnings).as("WARN delivered, each once").doesNotHaveDuplicates();
		assertThat(warnings.size() + reportedWarnings).as("WARN delivered or reported").isEqualTo(events / 10);
		long infos = burst.stream().filter((json) -> "INFO".equals(json.get("level").asString())).count();
		Map<String, Map<String, Long>> queue = LossSummary.parse(Files.readString(stderr),
				LogPipelineAppender.SUMMARY_PREFIX);
		long reportedInfos = LossSummary.count(reported, "dropped", "INFO")
				+ LossSummary.count(queue, "dropped", "INFO");
		// The counts cover every INFO event of the child, a few of which (Spring's start-up lines) are not the burst's.
		long otherInfos = Math.max(0, LossSummary.count(queue, "accepted", "INFO") - (events - events / 10));
		assertThat(burst.stream().map((json) -> json.get("seq").asInt())).doesNotHaveDuplicates();
		assertThat(infos + reportedInfos).as("INFO delivered or reported\n" + Files.readString(stderr))
			.isBetween((long) events - events / 10, events - events / 10 + otherInfos);
	}

	private static DestinationOutput destination(String name) {
		return LogPipelines.find(loggerContext())
			.stream()
			.flatMap((pipeline) -> pipeline.getOutputs().stream())
			.filter((output) -> output instanceof DestinationOutput destination && destination.name().equals(name))
			.map(DestinationOutput.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MetricsConfig {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
