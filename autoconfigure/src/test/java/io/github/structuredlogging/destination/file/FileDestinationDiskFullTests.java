package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file destination on a full disk: the file is a link to {@code /dev/full}, where every write fails with
 * {@code ENOSPC} as on a file system with no space left. Nothing is counted delivered while it lasts, and once the
 * file is writable the same records are written, each once.
 */
@EnabledIf("devFullExists")
class FileDestinationDiskFullTests {

	private static final Path DEV_FULL = Path.of("/dev/full");

	@TempDir
	Path directory;

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void stop() {
		this.context.stop();
	}

	static boolean devFullExists() {
		return Files.exists(DEV_FULL);
	}

	@Test
	void failsEveryWriteOnAFullDiskAndWritesTheSameRecordsOnceThereIsRoom() throws Exception {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		Path file = Files.createFile(this.directory.resolve("audit.log"));
		FileDestinationProperties properties = new FileDestinationProperties();
		properties.setPath(file);
		FileDestination destination = FileDestinationFactory.create("audit", properties, null, this.context);
		// Linked only now: Logback takes the current period from the file's modification time when its policy
		// starts, and /dev/full's is when the device node was made, often days ago: the first write would roll the
		// file and gzip /dev/full's endless zeros.
		Files.delete(file);
		Files.createSymbolicLink(file, DEV_FULL);
		DestinationOutput output = new DestinationOutput("audit", destination, LevelAndMessage.encoder(this.context),
				Level.TRACE, new DeliverySettings(100, 8, null, Level.WARN, 0, Duration.ofMillis(20),
						Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5)));
		output.setContext(this.context);
		output.start();
		for (int seq = 0; seq < 20; seq++) {
			output.write(new LoggingEvent(getClass().getName(), this.context.getLogger("audit"), Level.WARN,
					"event " + seq, null, null));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> output.getDownSince() != null);
		assertThat(output.getLastFailure()).isInstanceOf(IOException.class)
			.hasMessageContaining("No space left on device");
		assertThat(output.isConnected()).isFalse();
		assertThat(output.getDelivered(Level.WARN)).isZero();

		Files.delete(file);
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getDelivered(Level.WARN) == 20);
		output.stop();
		assertThat(output.isConnected()).isTrue();
		assertThat(output.getDownSince()).isNull();
		List<String> expected = IntStream.range(0, 20).mapToObj((seq) -> "WARN event " + seq).toList();
		assertThat(Files.readAllLines(file)).as("each record once, in order").isEqualTo(expected);
	}

}
