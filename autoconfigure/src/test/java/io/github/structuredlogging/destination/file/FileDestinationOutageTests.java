package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.ExactlyOnceAccounting;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file destination whose directory becomes a regular file for 3 seconds while the application logs numbered
 * events, as when a log volume is unmounted or replaced: the file is rolled every 2KB, so the roll that falls in the
 * outage cannot open the next file, and every batch fails until the directory is back. (The tests run as root, which
 * file permissions do not stop; a path through a regular file stops everyone.) Proved from the files themselves:
 * every WARN and ERROR arrives exactly once, no line is torn, INFO beyond the memory buffer is dropped and counted,
 * and per level {@code accepted = delivered + dropped + spilled + buffered + filtered} with delivered = lines in
 * the files.
 */
class FileDestinationOutageTests {

	private static final int EVENTS = 6_000;

	private static final int OUTAGE_FROM = 1_000;

	private static final Duration OUTAGE = Duration.ofSeconds(3);

	private static final int MEMORY_BUFFER = 300;

	private static final Pattern LINE = Pattern.compile("(TRACE|DEBUG|INFO|WARN|ERROR) event (\\d+) x{40}");

	private static final IntFunction<Level> LEVEL_OF = (seq) -> switch (seq % 8) {
		case 0, 4 -> Level.WARN;
		case 1 -> Level.ERROR;
		case 2 -> Level.DEBUG;
		default -> Level.INFO;
	};

	@TempDir
	Path directory;

	private final LoggerContext context = LoggerContexts.started("file-outage-test");

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void keepsEveryWarningExactlyOnceWhileTheDirectoryIsAFile() throws Exception {
		Path real = Files.createDirectories(this.directory.resolve("real"));
		Path blocker = Files.writeString(this.directory.resolve("blocker"), "not a directory");
		Path logs = this.directory.resolve("logs");
		point(logs, real);
		DestinationOutput destination = destination(logs);
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.addOutput(destination);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = this.context.getLogger("audit");
		logger.setLevel(Level.DEBUG);

		Map<Level, List<Integer>> logged = new HashMap<>();
		long outageEnds = 0;
		boolean seenDown = false;
		for (int seq = 0; seq < EVENTS; seq++) {
			if (seq == OUTAGE_FROM) {
				point(logs, blocker);
				outageEnds = System.nanoTime() + OUTAGE.toNanos();
			}
			if (seq > OUTAGE_FROM && outageEnds != 0) {
				// Spread the rest of the events over the outage, so that they keep arriving while it lasts.
				Thread.sleep(0, 500_000);
				seenDown |= destination.getDownSince() != null;
				if (System.nanoTime() >= outageEnds) {
					point(logs, real);
					outageEnds = 0;
				}
			}
			Level level = LEVEL_OF.apply(seq);
			logged.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
			logger.atLevel(org.slf4j.event.Level.valueOf(level.toString())).log("event {} {}", seq, "x".repeat(40));
		}
		if (outageEnds != 0) {
			Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
			point(logs, real);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> pipeline.getInFlight() == 0 && destination.getBufferSize() == 0
					&& destination.getSpillBytes() == 0);
		pipeline.stop();

		assertThat(seenDown).as("the destination was down during the outage").isTrue();
		assertThat(destination.getLastFailure()).as("an I/O failure, not a timeout").isInstanceOf(IOException.class);
		List<Path> files = files(real);
		assertThat(files).as("rolled every 2KB, before and after the outage").hasSizeGreaterThan(10);
		try {
			ExactlyOnceAccounting.assertExact(destination, logged, written(files));
		}
		catch (AssertionError ex) {
			throw new AssertionError(ex.getMessage() + "\nfiles, first and last event:\n" + summary(files), ex);
		}
		assertThat(destination.getFiltered(Level.DEBUG)).as("below the destination's level")
			.isEqualTo(logged.get(Level.DEBUG).size());
	}

	/** Points the link at the target in one rename, so the destination never sees the path missing. */
	private static void point(Path link, Path target) throws IOException {
		Path next = link.resolveSibling(link.getFileName() + ".next");
		Files.createSymbolicLink(next, target);
		Files.move(next, link, StandardCopyOption.ATOMIC_MOVE);
	}

	private DestinationOutput destination(Path logs) throws IOException {
		FileDestinationProperties properties = new FileDestinationProperties();
		properties.setPath(logs.resolve("audit.log"));
		properties.getRollingpolicy().setFileNamePattern(logs + "/audit.%d{yyyy-MM-dd}.%i.log");
		properties.getRollingpolicy().setMaxFileSize(DataSize.ofKilobytes(2));
		FileDestination file = FileDestinationFactory.create("audit", properties, null, this.context);
		DeliverySettings settings = new DeliverySettings(MEMORY_BUFFER, 64, this.directory.resolve("spill/audit.spill"),
				Level.WARN, 64L * 1024 * 1024, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10),
				Duration.ofSeconds(30));
		DestinationOutput output = new DestinationOutput("audit", file, LevelAndMessage.encoder(this.context),
				Level.INFO, settings);
		output.setContext(this.context);
		output.start();
		return output;
	}

	private static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((path) -> path.getFileName().toString().startsWith("audit.")).sorted().toList();
		}
	}

	/** Which events each file holds, for a failure to be read without the files, gone with the temporary directory. */
	private static String summary(List<Path> files) throws IOException {
		StringBuilder summary = new StringBuilder();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file);
			summary.append(file.getFileName()).append(' ').append(lines.size()).append(" lines");
			if (!lines.isEmpty()) {
				summary.append(": ").append(lines.get(0), 0, lines.get(0).length() - 41).append(" .. ")
					.append(lines.get(lines.size() - 1), 0, lines.get(lines.size() - 1).length() - 41);
			}
			summary.append('\n');
		}
		return summary.toString();
	}

	private static Map<Level, List<Integer>> written(List<Path> files) throws IOException {
		Map<Level, List<Integer>> written = new HashMap<>();
		for (Path file : files) {
			String content = Files.readString(file);
			assertThat(content).as("%s ends with a whole line", file).endsWith("\n");
			for (String line : content.lines().toList()) {
				Matcher matcher = LINE.matcher(line);
				assertThat(matcher.matches()).as("a whole line in %s: %s", file, line).isTrue();
				int seq = Integer.parseInt(matcher.group(2));
				Level level = Level.toLevel(matcher.group(1));
				assertThat(level).as("level of %d", seq).isEqualTo(LEVEL_OF.apply(seq));
				written.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
			}
		}
		return written;
	}

}
