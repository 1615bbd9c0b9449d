package io.github.structuredlogging.destination.syslog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.async.LevelCounters;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ships 100 000 numbered events over TCP to a real syslog daemon that stalls, is killed with its buffers full and
 * is restarted mid-stream ({@link SyslogReceiver#kill()}), and
 * checks what the daemon itself wrote: every WARN and ERROR arrived (in any order, since the pipeline writes them on
 * the caller's thread when its queue is full), nothing twice but some of the records resent after the kill (plain TCP
 * syslog has no acknowledgement, see {@link SyslogDestination}), every line whole (but for the record the kill tore
 * in the daemon's own file, which must arrive whole again), and the destination's accounts adding up per level.
 */
abstract class SyslogRestartTests {

	static final int EVENTS = 100_000;

	static final int KILL_AT = 30_000;

	static final int RESTART_AT = 70_000;

	static final int BATCH_SIZE = 512;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private final LoggerContext context = LoggerContexts.started("syslog-restart-test");

	private SyslogReceiver receiver;

	abstract SyslogReceiver receiver(Path directory) throws Exception;

	/**
	 * Severity as syslog-ng's {@code LEVEL} and rsyslog's {@code syslogseverity-text} write it.
	 */
	private static String severityName(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> "err";
			case Level.WARN_INT -> "warning";
			case Level.INFO_INT -> "info";
			default -> "debug";
		};
	}

	@AfterEach
	void stop() throws Exception {
		this.context.stop();
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	@Test
	void deliversEveryWarningAcrossAKilledAndRestartedReceiverDuplicatingAtMostTheResendWindow() throws Exception {
		this.receiver = receiver(this.directory.resolve("receiver")).start();
		DestinationOutput destination = destination(this.receiver.port());
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setQueueSize(16384);
		pipeline.addOutput(destination);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = this.context.getLogger("shipping");
		logger.setLevel(Level.DEBUG);

		Map<Level, List<Integer>> logged = new HashMap<>();
		for (int seq = 0; seq < EVENTS; seq++) {
			if (seq == KILL_AT) {
				this.receiver.kill();
			}
			if (seq == RESTART_AT) {
				this.receiver.start();
			}
			Level level = LEVEL_OF.apply(seq);
			logged.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
			this.context.getMDCAdapter().put("correlationId", "c" + seq);
			logger.atLevel(org.slf4j.event.Level.valueOf(level.toString())).addKeyValue("seq", seq).log("shipped");
		}
		this.context.getMDCAdapter().clear();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> pipeline.getInFlight() == 0 && destination.getBufferSize() == 0
					&& destination.getSpillBytes() == 0);
		pipeline.stop();
		this.receiver.close();

		List<String> lines = Files.readAllLines(this.receiver.output());
		for (String torn : this.receiver.tornTails()) {
			assertThat(lines).as("a whole line resent for the record the kill tore: %s", torn)
				.anyMatch((line) -> line.startsWith(torn));
		}
		Map<Level, List<Integer>> received = parse(lines);
		int duplicates = 0;
		for (Level level : LevelCounters.LEVELS) {
			List<Integer> got = received.getOrDefault(level, List.of());
			Set<Integer> seen = new HashSet<>();
			List<Integer> twice = got.stream().filter((seq) -> !seen.add(seq)).toList();
			duplicates += twice.size();
			if (level.isGreaterOrEqual(Level.WARN)) {
				Set<Integer> missing = new TreeSet<>(logged.get(level));
				missing.removeAll(seen);
				assertThat(missing).as("%s sequence numbers never received (%d)", level, missing.size()).isEmpty();
			}
			assertThat(destination.getAccepted(level)).as("%s accepted = delivered + dropped + spilled + filtered",
					level)
				.isEqualTo(destination.getDelivered(level) + destination.getDropped(level)
						+ destination.getSpilled(level) + destination.getFiltered(level));
			assertThat(destination.getSpilled(level)).isZero();
			assertThat(destination.getBuffered(level)).isZero();
			assertThat(got).as("%s lines in the receiver's file: each delivered once, plus resent ones", level)
				.hasSize((int) destination.getDelivered(level) + twice.size());
			assertThat(pipeline.getAccepted(level)).isEqualTo(logged.getOrDefault(level, List.of()).size());
		}
		// The unconfirmed window is resent, and so is the batch whose write failed when the connection broke.
		assertThat(duplicates).as("events received twice: at most those resent after the kill")
			.isLessThanOrEqualTo(SyslogDestination.RESEND_WINDOW + BATCH_SIZE);
		assertThat(destination.getDropped(Level.INFO)).as("the outage really overflowed the memory buffer")
			.isPositive();
	}

	private static final IntFunction<Level> LEVEL_OF = (seq) -> switch (seq % 8) {
		case 0, 4 -> Level.WARN;
		case 1 -> Level.ERROR;
		case 2 -> Level.DEBUG;
		default -> Level.INFO;
	};

	private DestinationOutput destination(int port) throws Exception {
		FormatContext formats = new FormatContext(this.context, new Binder(), new LimitsProperties(),
				new MaskingProperties(), "restart-test");
		Encoder<ILoggingEvent> encoder = LogFormat.JSON.createEncoder(formats);
		encoder.setContext(this.context);
		encoder.start();
		SyslogDestination syslog = new SyslogDestination(
				new Rfc5424Message(SyslogFacility.LOCAL3, "test-host", "restart-test", "42"), "127.0.0.1", port,
				SyslogTransport.TCP, false, Duration.ofSeconds(2));
		DeliverySettings settings = new DeliverySettings(10_000, BATCH_SIZE, this.directory.resolve("spill/syslog.spill"),
				Level.WARN, 64L * 1024 * 1024, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10),
				Duration.ofSeconds(30));
		DestinationOutput output = new DestinationOutput("syslog", syslog, encoder, Level.TRACE, settings);
		output.setContext(this.context);
		output.start();
		return output;
	}

	/**
	 * Parses every line the daemon wrote; a line that is torn or two merged ones fails to parse or disagrees with
	 * itself (the header's severity and correlation id against the JSON body's level and sequence number).
	 */
	private Map<Level, List<Integer>> parse(List<String> lines) {
		Map<Level, List<Integer>> received = new HashMap<>();
		for (String line : lines) {
			String[] parts = line.split(" ", 4);
			assertThat(parts).as("line %s", line).hasSize(4);
			JsonNode event = MAPPER.readTree(parts[3]);
			int seq = event.get("seq").asInt();
			Level level = Level.toLevel(event.get("level").asString());
			assertThat(parts[0]).as("severity of %s", line).isEqualTo(severityName(level));
			assertThat(parts[1]).isEqualTo("restart-test");
			assertThat(parts[2]).as("correlation id of %s", line).contains("c" + seq);
			assertThat(LEVEL_OF.apply(seq)).isEqualTo(level);
			received.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
		}
		return received;
	}

}
