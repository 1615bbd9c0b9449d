package io.github.structuredlogging.destination.otlp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.ExactlyOnceAccounting;
import io.github.structuredlogging.destination.otlp.OtlpReceiver.Received;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An OTLP collector that is unreachable for 5 seconds while the application logs numbered events: once it is back,
 * every WARN and ERROR arrives exactly once (OTLP/HTTP answers each request, so nothing the pipeline counts as
 * delivered is sent again), INFO and DEBUG beyond the memory buffer are dropped and counted, and the destination's
 * accounts add up per level.
 */
class OtlpOutageTests {

	private static final int EVENTS = 6_000;

	private static final int OUTAGE_FROM = 1_000;

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private static final int MEMORY_BUFFER = 500;

	private static final IntFunction<Level> LEVEL_OF = (seq) -> switch (seq % 8) {
		case 0, 4 -> Level.WARN;
		case 1 -> Level.ERROR;
		case 2 -> Level.DEBUG;
		default -> Level.INFO;
	};

	@TempDir
	Path directory;

	private final LoggerContext context = LoggerContexts.started("otlp-outage-test");

	private final OtlpReceiver receiver = new OtlpReceiver();

	enum Outage {

		/** The collector answers 503, as one shedding load does. */
		SERVICE_UNAVAILABLE,

		/** Nothing listens on the port: connections are refused. */
		NOT_LISTENING

	}

	@AfterEach
	void stop() {
		this.context.stop();
		this.receiver.close();
	}

	@ParameterizedTest
	@EnumSource(Outage.class)
	void replaysEveryWarningExactlyOnceAfterTheCollectorIsBack(Outage outage) throws Exception {
		this.receiver.start();
		DestinationOutput destination = destination();
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.addOutput(destination);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = this.context.getLogger("shipping");
		logger.setLevel(Level.DEBUG);

		Map<Level, List<Integer>> logged = new HashMap<>();
		long outageEnds = 0;
		for (int seq = 0; seq < EVENTS; seq++) {
			if (seq == OUTAGE_FROM) {
				down(outage);
				outageEnds = System.nanoTime() + OUTAGE.toNanos();
			}
			if (seq > OUTAGE_FROM && outageEnds != 0) {
				// Spread the rest of the events over the outage, so that they keep arriving while it lasts.
				Thread.sleep(0, 500_000);
				if (System.nanoTime() >= outageEnds) {
					up(outage);
					outageEnds = 0;
				}
			}
			Level level = LEVEL_OF.apply(seq);
			logged.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
			logger.atLevel(org.slf4j.event.Level.valueOf(level.toString())).addKeyValue("seq", seq).log("shipped");
		}
		if (outageEnds != 0) {
			Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
			up(outage);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> pipeline.getInFlight() == 0 && destination.getBufferSize() == 0
					&& destination.getSpillBytes() == 0);
		pipeline.stop();

		ExactlyOnceAccounting.assertExact(destination, logged, received());
	}

	private void down(Outage outage) {
		if (outage == Outage.SERVICE_UNAVAILABLE) {
			this.receiver.setUnavailable(true);
		}
		else {
			this.receiver.stop();
		}
	}

	private void up(Outage outage) throws Exception {
		if (outage == Outage.SERVICE_UNAVAILABLE) {
			this.receiver.setUnavailable(false);
		}
		else {
			this.receiver.start();
		}
	}

	private DestinationOutput destination() throws Exception {
		FormatContext formats = new FormatContext(this.context, new Binder(), new LimitsProperties(),
				new MaskingProperties(), "outage-test");
		OtlpDestinationProperties properties = new OtlpDestinationProperties();
		properties.setEndpoint(this.receiver.endpoint());
		properties.setTimeout(Duration.ofSeconds(2));
		properties.setConnectTimeout(Duration.ofSeconds(1));
		OtlpDestination otlp = OtlpDestinationFactory.create(properties, formats, (name) -> null);
		DeliverySettings settings = new DeliverySettings(MEMORY_BUFFER, 128, this.directory.resolve("otlp.spill"),
				Level.WARN, 64L * 1024 * 1024, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10),
				Duration.ofSeconds(30));
		DestinationOutput output = new DestinationOutput("otlp", otlp, new UnformattedEncoder(), Level.TRACE,
				settings);
		output.setContext(this.context);
		output.start();
		return output;
	}

	private Map<Level, List<Integer>> received() {
		Map<Level, List<Integer>> received = new HashMap<>();
		for (Received record : this.receiver.records()) {
			int seq = (int) record.attribute("seq").getIntValue();
			Level level = Level.toLevel(record.record().getSeverityText());
			assertThat(LEVEL_OF.apply(seq)).as("level of %d", seq).isEqualTo(level);
			assertThat(record.record().getBody().getStringValue()).isEqualTo("shipped");
			assertThat(record.resourceAttribute("service.name")).isEqualTo("outage-test");
			received.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
		}
		return received;
	}

}
