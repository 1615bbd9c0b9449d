package io.github.structuredlogging.destination.syslog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process logs while its destination is down and is killed; the next start replays its spilled WARN events to a
 * real syslog-ng exactly once.
 */
class SpillReplayTests {

	private static final int EVENTS = 20_000;

	private static final int MEMORY_EVENTS = 100;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void replaysTheWarningsAKilledProcessSpilledExactlyOnceOnTheNextStart() throws Exception {
		Path spillFile = this.directory.resolve("spill/app-syslog.spill");
		try (SyslogReceiver receiver = SyslogReceiver.syslogNg(this.directory.resolve("receiver"))) {
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), SpillingMain.class.getName(), spillFile.toString(),
					Integer.toString(receiver.port()), Integer.toString(EVENTS))
				.redirectErrorStream(true)
				.start();
			long spilledWarnings = awaitSpilledCount(child);
			child.destroyForcibly();
			assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(spilledWarnings).as("the child spilled WARN events beyond its memory buffer")
				.isGreaterThan(EVENTS / 2 - 2 * MEMORY_EVENTS - 1024);

			receiver.start();
			LoggerContext context = LoggerContexts.started("spill-replay-test");
			DestinationOutput replaying = destination(context, spillFile, receiver.port());
			assertThat(replaying.getSpilled(Level.WARN)).as("spilled WARN events found on start")
				.isEqualTo(spilledWarnings);
			await().atMost(Duration.ofSeconds(30)).until(() -> replaying.getSpillBytes() == 0);
			replaying.stop();
			receiver.close();

			List<Integer> received = new ArrayList<>();
			for (String line : Files.readAllLines(receiver.output())) {
				received.add(MAPPER.readTree(line.split(" ", 4)[3]).get("seq").asInt());
			}
			List<Integer> lastWarnings = IntStream.range(0, EVENTS)
				.filter((seq) -> seq % 2 == 0)
				.skip(EVENTS / 2 - spilledWarnings)
				.boxed()
				.toList();
			assertThat(received).as("replayed: the spilled WARN events, each once, in order")
				.containsExactlyElementsOf(lastWarnings);
			assertThat(replaying.getDelivered(Level.WARN)).isEqualTo(spilledWarnings);
			assertThat(Files.size(spillFile)).isZero();
		}
	}

	private static long awaitSpilledCount(Process child) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		String line;
		StringBuilder seen = new StringBuilder();
		while ((line = output.readLine()) != null) {
			if (line.startsWith(SpillingMain.READY)) {
				return Long.parseLong(line.substring(SpillingMain.READY.length()).trim());
			}
			seen.append(line).append('\n');
		}
		throw new IllegalStateException("Child ended without reporting: " + seen);
	}

	static DestinationOutput destination(LoggerContext context, Path spillFile, int port) throws Exception {
		FormatContext formats = new FormatContext(context, new Binder(), new LimitsProperties(),
				new MaskingProperties(), "spill-test");
		Encoder<ILoggingEvent> encoder = LogFormat.JSON.createEncoder(formats);
		encoder.setContext(context);
		encoder.start();
		SyslogDestination syslog = new SyslogDestination(
				new Rfc5424Message(SyslogFacility.USER, "test-host", "spill-test", "1"), "127.0.0.1", port,
				SyslogTransport.TCP, false, Duration.ofSeconds(1));
		DeliverySettings settings = new DeliverySettings(MEMORY_EVENTS, 512, spillFile, Level.WARN,
				64L * 1024 * 1024, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10),
				Duration.ofSeconds(5));
		DestinationOutput output = new DestinationOutput("syslog", syslog, encoder, Level.TRACE, settings);
		output.setContext(context);
		output.start();
		return output;
	}

}
