package io.github.structuredlogging.destination.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka destination behind the pipeline's destination machinery (memory buffer, spill file, accounting), against
 * a real KRaft broker in this JVM; what arrived is read back by a real consumer and compared with what was logged
 * and with the destination's counts.
 */
class KafkaDestinationDeliveryTests {

	private static final String PREFIX = "structured-logging.destinations.fleet.kafka";

	private static final List<Level> LEVELS = List.of(Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);

	@RegisterExtension
	static final KraftBroker broker = new KraftBroker();

	private final LoggerContext context = new LoggerContext();

	@TempDir
	Path spillDirectory;

	@Test
	void deliversOneHundredThousandEventsExactlyOnceWithExactCountsPerLevel() throws Exception {
		int events = 100_000;
		broker.createTopic("bulk", 3);
		DestinationOutput output = output("bulk", events, Duration.ofSeconds(15));
		for (int seq = 0; seq < events; seq++) {
			output.write(event(seq));
		}
		awaitSettled(output);
		output.stop();

		List<ShippedEvent> shipped = ShippedEvent.of(broker.readAll("bulk", events, Duration.ofSeconds(2)));
		assertThat(shipped).hasSize(events);
		assertThat(shipped.stream().map(ShippedEvent::seq).distinct().count()).isEqualTo(events);
		Map<String, Long> perLevel = countPerLevel(shipped);
		for (Level level : LEVELS) {
			long logged = expectedCount(events, level);
			assertThat(output.getAccepted(level)).as("accepted %s", level).isEqualTo(logged);
			assertThat(output.getDelivered(level)).as("delivered %s", level).isEqualTo(logged);
			assertThat(perLevel.getOrDefault(level.toString(), 0L)).as("read back %s", level).isEqualTo(logged);
		}
		assertThat(shipped).allSatisfy((event) -> assertThat(event.key()).isEqualTo(event.correlationId()));
		assertThat(shipped).filteredOn((event) -> event.key() == null).isNotEmpty();
	}

	@Test
	void shipsEveryWarningOnceAndCountsEveryDroppedInfoWhenABurstOutrunsTheBroker() throws Exception {
		int events = 100_000;
		broker.createTopic("burst", 3);
		DestinationOutput output = output("burst", 5000, Duration.ofSeconds(15));
		for (int seq = 0; seq < events; seq++) {
			output.write(event(seq));
		}
		awaitSettled(output);
		output.stop();

		List<ShippedEvent> shipped = ShippedEvent.of(broker.readAll("burst", (int) delivered(output),
				Duration.ofSeconds(2)));
		assertExactlyOnceWarningsAndExactCounts(output, shipped, events);
		assertThat(LEVELS.stream().mapToLong(output::getDropped).sum()).as("a burst faster than the broker drops")
			.isPositive();
	}

	@Test
	void spillsWarningsWhileTheBrokerIsDownAndReplaysThemExactlyOnceAndCountsLostInfos() throws Exception {
		int events = 30_000;
		broker.createTopic("outage", 1);
		DestinationOutput output = output("outage", 1000, Duration.ofSeconds(4));
		AtomicLong mostSpilled = new AtomicLong();
		long start = System.nanoTime();
		boolean stopped = false;
		boolean restarted = false;
		for (int seq = 0; seq < events; seq++) {
			// About 2000 events per second, so that the 10 s outage falls in the middle of the stream.
			long due = start + seq * 500_000L;
			while (System.nanoTime() - due < 0) {
				Thread.onSpinWait();
			}
			if (!stopped && seq == events / 5) {
				broker.stopBroker();
				stopped = true;
				start = System.nanoTime() - seq * 500_000L;
			}
			if (stopped && !restarted && System.nanoTime() - due > 0 && seq == events / 5 + 20_000) {
				broker.startBroker();
				restarted = true;
			}
			output.write(event(seq));
			if (seq % 100 == 0) {
				mostSpilled.accumulateAndGet(output.getSpilled(Level.WARN) + output.getSpilled(Level.ERROR), Math::max);
			}
		}
		assertThat(restarted).isTrue();
		awaitSettled(output);
		output.stop();

		List<ShippedEvent> shipped = ShippedEvent.of(broker.readAll("outage", (int) delivered(output),
				Duration.ofSeconds(3)));
		assertThat(mostSpilled.get()).as("warnings spilled during the outage").isPositive();
		assertExactlyOnceWarningsAndExactCounts(output, shipped, events);
		assertThat(output.getDropped(Level.INFO) + output.getDropped(Level.DEBUG))
			.as("INFO and DEBUG lost in the outage, counted")
			.isPositive();
	}

	/**
	 * Every WARN and ERROR arrived once, in the order logged (the topics of these tests have one partition, or keys
	 * that keep their order), nothing arrived twice, and per level what arrived is what the destination counts as
	 * delivered, and the rest is counted as dropped.
	 */
	private static void assertExactlyOnceWarningsAndExactCounts(DestinationOutput output, List<ShippedEvent> shipped,
			int events) {
		assertThat(shipped.stream().filter((event) -> isWarnOrAbove(event.level())).map(ShippedEvent::seq).sorted())
			.as("every WARN and ERROR once")
			.containsExactlyElementsOf(IntStream.range(0, events)
				.filter((seq) -> level(seq).isGreaterOrEqual(Level.WARN))
				.boxed()
				.toList());
		assertThat(shipped.stream().map(ShippedEvent::seq).distinct().count()).as("no duplicate")
			.isEqualTo(shipped.size());
		Map<String, Long> perLevel = countPerLevel(shipped);
		for (Level level : LEVELS) {
			long logged = expectedCount(events, level);
			assertThat(output.getAccepted(level)).as("accepted %s", level).isEqualTo(logged);
			assertThat(output.getSpilled(level)).as("still spilled %s", level).isZero();
			assertThat(output.getDelivered(level) + output.getDropped(level)).as("delivered + dropped %s", level)
				.isEqualTo(logged);
			assertThat(perLevel.getOrDefault(level.toString(), 0L)).as("read back %s", level)
				.isEqualTo(output.getDelivered(level));
		}
		assertThat(output.getDropped(Level.WARN) + output.getDropped(Level.ERROR)).as("WARN+ dropped").isZero();
	}

	private static long delivered(DestinationOutput output) {
		return LEVELS.stream().mapToLong(output::getDelivered).sum();
	}

	private DestinationOutput output(String topic, int maxEvents, Duration deliveryTimeout) throws Exception {
		KafkaDestinationProperties properties = new KafkaDestinationProperties();
		properties.setBootstrapServers(List.of(broker.bootstrapServers()));
		properties.setTopic(topic);
		properties.setRequestTimeout(Duration.ofSeconds(2));
		KafkaDestination destination = KafkaDestinationFactory.create("fleet", properties, PREFIX, "test-service",
				"correlation_id", deliveryTimeout, "structured-logging.destinations.fleet.retry.delivery-timeout");
		FormatContext formatContext = new FormatContext(this.context,
				new Binder(new MapConfigurationPropertySource(Map.of())), new LimitsProperties(),
				new MaskingProperties(), "test-service");
		Encoder<ILoggingEvent> encoder = LogFormat.JSON.createEncoder(formatContext);
		encoder.start();
		DeliverySettings settings = new DeliverySettings(maxEvents, 512, this.spillDirectory.resolve(topic + ".spill"),
				Level.WARN, 64L * 1024 * 1024, Duration.ofMillis(100), Duration.ofSeconds(1), deliveryTimeout,
				Duration.ofSeconds(5));
		DestinationOutput output = new DestinationOutput("fleet", destination, encoder, Level.TRACE, settings);
		output.setContext(this.context);
		output.start();
		return output;
	}

	private static void awaitSettled(DestinationOutput output) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> LEVELS.stream()
			.allMatch((level) -> output.getDelivered(level) + output.getDropped(level) == output.getAccepted(level)));
	}

	private LoggingEvent event(int seq) {
		LoggingEvent event = new LoggingEvent(KafkaDestinationDeliveryTests.class.getName(),
				this.context.getLogger("shipped"), level(seq), "shipped", null, null);
		event.addKeyValuePair(new KeyValuePair("seq", seq));
		event.setMDCPropertyMap((seq % 3 == 0) ? Map.of() : Map.of("correlation_id", "req-" + (seq / 10)));
		return event;
	}

	private static Level level(int seq) {
		if (seq % 100 == 0) {
			return Level.ERROR;
		}
		if (seq % 10 == 0) {
			return Level.WARN;
		}
		return (seq % 7 == 0) ? Level.DEBUG : Level.INFO;
	}

	private static long expectedCount(int events, Level level) {
		return IntStream.range(0, events).filter((seq) -> level(seq) == level).count();
	}

	private static boolean isWarnOrAbove(String level) {
		return Level.toLevel(level).isGreaterOrEqual(Level.WARN);
	}

	private static Map<String, Long> countPerLevel(List<ShippedEvent> shipped) {
		return shipped.stream().collect(Collectors.groupingBy(ShippedEvent::level, Collectors.counting()));
	}

}
