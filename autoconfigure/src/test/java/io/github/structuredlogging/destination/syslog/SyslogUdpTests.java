package io.github.structuredlogging.destination.syslog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Syslog over UDP to a real syslog-ng: one RFC 5424 message per datagram, which it parses like the TCP ones.
 */
class SyslogUdpTests {

	private static final int EVENTS = 100;

	@TempDir
	Path directory;

	@Test
	void sendsOneParsableMessagePerDatagram() throws Exception {
		LoggerContext context = LoggerContexts.started("syslog-udp-test");
		try (SyslogReceiver receiver = SyslogReceiver.syslogNg(this.directory, "udp").start()) {
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(context);
			encoder.setPattern("%msg%n");
			encoder.start();
			SyslogDestination syslog = new SyslogDestination(
					new Rfc5424Message(SyslogFacility.USER, "test-host", "udp-test", "7"), "127.0.0.1", receiver.port(),
					SyslogTransport.UDP, false, Duration.ofSeconds(1));
			DestinationOutput output = new DestinationOutput("udp", syslog, encoder, Level.TRACE,
					new DeliverySettings(1000, 16, null, Level.WARN, 0, Duration.ofMillis(10), Duration.ofMillis(10),
							Duration.ofSeconds(5), Duration.ofSeconds(5)));
			output.setContext(context);
			output.start();
			// Datagrams sent before syslog-ng binds its socket are lost without a trace: probe until one arrives.
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
				output.write(event(context, "probe"));
				return Files.exists(receiver.output()) && Files.readString(receiver.output()).contains("probe");
			});
			for (int seq = 0; seq < EVENTS; seq++) {
				output.write(event(context, "datagram " + seq));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Files.readAllLines(receiver.output()).stream().filter((line) -> line.contains("datagram")).count() == EVENTS);
			output.stop();
			List<String> lines = Files.readAllLines(receiver.output())
				.stream()
				.filter((line) -> line.contains("datagram"))
				.toList();
			assertThat(lines).containsExactlyInAnyOrderElementsOf(
					IntStream.range(0, EVENTS).mapToObj((seq) -> "warning udp-test  datagram " + seq).toList());
		}
		finally {
			context.stop();
		}
	}

	private static LoggingEvent event(LoggerContext context, String message) {
		return new LoggingEvent(SyslogUdpTests.class.getName(), context.getLogger("udp"), Level.WARN, message, null,
				null);
	}

}
