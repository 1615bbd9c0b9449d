package io.github.structuredlogging.destination.logstash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logstash TCP through a collector outage: the primary host resets its connection in the middle of a line and
 * then refuses connections for a while, the secondary host resets one connection mid-line too. Proved from what
 * the receivers actually read: every event arrives, no line is torn or merged, events keep their order on each
 * connection, the destination fails over to the secondary and comes back to the primary once it returns.
 */
class LogstashTcpOutageTests {

	private static final int EVENTS = 4000;

	private static final int BATCH_SIZE = 64;

	private static final Pattern LINE = Pattern.compile("\\{\"level\":\"WARN\",\"message\":\"event (\\d+) x{40}\"}");

	private final LoggerContext context = new LoggerContext();

	private CuttingLineReceiver primary;

	private CuttingLineReceiver secondary;

	@BeforeEach
	void start() throws Exception {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		this.primary = new CuttingLineReceiver(300, Duration.ofMillis(1500));
		this.secondary = new CuttingLineReceiver(200, Duration.ZERO);
	}

	@AfterEach
	void stop() throws Exception {
		this.primary.close();
		this.secondary.close();
		this.context.stop();
	}

	@Test
	void failsOverAndBackWithoutLossOrTornLines() throws Exception {
		LogstashTcpDestination logstash = new LogstashTcpDestination(
				"127.0.0.1:" + this.primary.port() + ", 127.0.0.1:" + this.secondary.port(),
				LogstashConnectionStrategy.PREFER_PRIMARY.create(Duration.ofMillis(300)), false, Duration.ofSeconds(1));
		DestinationOutput output = new DestinationOutput("logstash", logstash, encoder(), Level.TRACE,
				new DeliverySettings(EVENTS, BATCH_SIZE, null, Level.WARN, 0, Duration.ofMillis(10),
						Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10)));
		output.setContext(this.context);
		output.start();
		// Paced over about three seconds, so that events are still written after the primary returns.
		for (int seq = 0; seq < EVENTS; seq++) {
			output.write(new LoggingEvent(getClass().getName(), this.context.getLogger("logstash"), Level.WARN,
					"event " + seq + " " + "x".repeat(40), null, null));
			if (seq % 20 == 19) {
				Thread.sleep(15);
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(received().size() == EVENTS && output.getBufferSize() == 0)
				.as(() -> "received " + received().size() + ", buffered " + output.getBufferSize() + ", primary "
						+ this.primary.connections().size() + " connections, secondary "
						+ this.secondary.connections().size() + ", torn " + this.primary.tornTails()
						+ this.secondary.tornTails() + ", last failure " + output.getLastFailure())
				.isTrue());
		output.stop();

		assertThat(this.primary.wasCut()).as("primary cut mid-line").isTrue();
		assertThat(this.secondary.wasCut()).as("secondary cut mid-line").isTrue();
		List<String> lines = new ArrayList<>(this.primary.lines());
		lines.addAll(this.secondary.lines());
		assertThat(lines).as("every line whole, none torn or merged").allMatch((line) -> LINE.matcher(line).matches());
		assertThat(received()).as("every event arrived")
			.isEqualTo(IntStream.range(0, EVENTS).boxed().collect(Collectors.toCollection(TreeSet::new)));
		for (CuttingLineReceiver receiver : List.of(this.primary, this.secondary)) {
			for (List<String> connection : receiver.connections()) {
				List<Integer> seqs = connection.stream().map(LogstashTcpOutageTests::seq).toList();
				assertThat(seqs).as("one connection's events in order, each once").isSorted().doesNotHaveDuplicates();
			}
		}
		// Plain TCP has no acknowledgement: after each of the two cuts, the records last written on the broken
		// connection are written again, so what the receiver had read of them arrives twice, and nothing else.
		assertThat(lines.size() - EVENTS).as("duplicates")
			.isLessThanOrEqualTo(2 * (LogstashTcpDestination.RESEND_WINDOW + BATCH_SIZE));
		assertThat(this.secondary.lines()).as("failed over to the secondary").isNotEmpty();
		assertThat(this.primary.linesAfterResume()).as("back to the primary once it returned").isNotEmpty();
		assertThat(output.getAccepted(Level.WARN)).isEqualTo(EVENTS);
		assertThat(output.getDelivered(Level.WARN)).isEqualTo(EVENTS);
		assertThat(output.getDropped(Level.WARN)).isZero();
	}

	private Set<Integer> received() {
		Set<Integer> seqs = new TreeSet<>();
		this.primary.lines().forEach((line) -> seqs.add(seq(line)));
		this.secondary.lines().forEach((line) -> seqs.add(seq(line)));
		return seqs;
	}

	private static int seq(String line) {
		Matcher matcher = LINE.matcher(line);
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	private PatternLayoutEncoder encoder() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("{\"level\":\"%level\",\"message\":\"%msg\"}%n");
		encoder.start();
		return encoder;
	}

}
