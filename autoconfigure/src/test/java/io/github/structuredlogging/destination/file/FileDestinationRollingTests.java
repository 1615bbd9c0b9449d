package io.github.structuredlogging.destination.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.file.FileDestinationProperties.Rollingpolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the file destination rolls with Spring Boot's default {@code .gz} pattern, read back from every file it left:
 * whole archives when compression works; when it cannot (no space left, something in the way of the archive), the
 * rolled file stays uncompressed and whole, where Logback would delete it (LOGBACK-992) or leave its records in a
 * temporary file no reader looks at; a rolled file left by an earlier process is never overwritten; max-history and
 * total-size-cap remove the oldest archives as for Spring Boot's own file; and Logback's clean-ups never run two at
 * once.
 */
class FileDestinationRollingTests {

	private static final int EVENTS = 200;

	private static final Pattern LINE = Pattern.compile("WARN event (\\d+) x{20}");

	@TempDir
	Path directory;

	private final CleanUps cleanUps = new CleanUps();

	private final LoggerContext context = newContext(this.cleanUps);

	@AfterEach
	void stop() {
		this.context.stop();
		this.cleanUps.shutdownNow();
	}

	static boolean devFullExists() {
		return Files.exists(Path.of("/dev/full"));
	}

	@Test
	void leavesOnlyWholeArchivesWhenCompressionWorks() throws Exception {
		DestinationOutput output = logEvents();

		List<Path> files = RolledFiles.in(this.directory, "audit.log");
		assertThat(files).as("the active file and archives only").hasSizeGreaterThan(10)
			.allSatisfy((file) -> assertThat(file.getFileName().toString())
				.matches("audit\\.log(\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.gz)?"));
		assertEveryEventOnce(files, output);
	}

	@Test
	@EnabledIf("devFullExists")
	void keepsARolledFileUncompressedWhenTheDiskFillsUpWhileCompressingIt() throws Exception {
		Path temporary = RolledFileCompressor.temporaryOf(archive(0));
		Files.createSymbolicLink(temporary, Path.of("/dev/full"));

		DestinationOutput output = logEvents();

		assertThat(rolled(0)).as("kept uncompressed").isRegularFile();
		assertThat(archive(0)).doesNotExist();
		assertThat(temporary).as("the partial archive removed").doesNotExist();
		assertThat(archive(1)).as("the next roll compressed").isRegularFile();
		assertThat(warnings()).anyMatch((message) -> message.contains("stays uncompressed"));
		assertEveryEventOnce(RolledFiles.in(this.directory, "audit.log"), output);
	}

	@Test
	void keepsRolledFilesUncompressedWhenSomethingIsInTheWayOfTheirArchives() throws Exception {
		Files.createDirectory(RolledFileCompressor.temporaryOf(archive(0)));
		Files.createDirectory(RolledFileCompressor.temporaryOf(archive(1)));

		DestinationOutput output = logEvents();

		assertThat(rolled(0)).as("kept uncompressed").isRegularFile();
		assertThat(rolled(1)).as("kept uncompressed").isRegularFile();
		assertThat(archive(0)).doesNotExist();
		assertThat(archive(1)).doesNotExist();
		assertThat(RolledFileCompressor.temporaryOf(archive(0))).as("what was in the way, left as it was")
			.isEmptyDirectory();
		assertThat(rolled(2)).as("the next roll compressed").doesNotExist();
		assertThat(archive(2)).isRegularFile();
		assertEveryEventOnce(RolledFiles.in(this.directory, "audit.log"), output);
	}

	@Test
	void neverOverwritesARolledFileLeftByAnEarlierProcess() throws Exception {
		Files.writeString(rolled(0), "earlier\n");
		Files.writeString(rolled(1), "earlier too\n");

		DestinationOutput output = logEvents();

		assertThat(rolled(0)).hasContent("earlier");
		assertThat(rolled(1)).hasContent("earlier too");
		assertThat(archive(0)).doesNotExist();
		assertThat(archive(1)).doesNotExist();
		assertThat(archive(2)).as("rolled to the next free index").isRegularFile();
		List<Path> ours = new ArrayList<>(RolledFiles.in(this.directory, "audit.log"));
		ours.removeAll(List.of(rolled(0), rolled(1)));
		assertEveryEventOnce(ours, output);
	}

	@Test
	void removesArchivesOlderThanMaxHistory() throws Exception {
		Path tooOld = archiveOf(LocalDate.now().minusDays(8), 0);
		Path kept = archiveOf(LocalDate.now().minusDays(6), 0);
		Files.writeString(tooOld, "");
		Files.writeString(kept, "");

		DestinationOutput output = logEvents((rolling) -> rolling.setMaxHistory(7));

		assertThat(tooOld).as("beyond max-history").doesNotExist();
		assertThat(kept).as("within max-history").exists();
		List<Path> ours = new ArrayList<>(RolledFiles.in(this.directory, "audit.log"));
		ours.remove(kept);
		assertEveryEventOnce(ours, output);
	}

	@Test
	void removesTheOldestArchivesBeyondTheTotalSizeCap() throws Exception {
		DataSize cap = DataSize.ofBytes(1024);

		logEvents((rolling) -> rolling.setTotalSizeCap(cap));

		List<Path> archives = RolledFiles.in(this.directory, "audit.log.");
		assertThat(archives).as("some archives kept").isNotEmpty()
			.allSatisfy((file) -> assertThat(file.getFileName().toString()).endsWith(".gz"));
		assertThat(archives.stream().mapToLong((file) -> file.toFile().length()).sum()).as("bytes kept")
			.isLessThanOrEqualTo(cap.toBytes());
		assertThat(archive(0)).as("the oldest removed").doesNotExist();
		List<Integer> seqs = new ArrayList<>();
		for (Path file : RolledFiles.in(this.directory, "audit.log")) {
			seqs.addAll(seqs(file));
		}
		assertThat(seqs).as("the newest events, each once, none missing among them")
			.containsExactlyInAnyOrderElementsOf(IntStream.range(EVENTS - seqs.size(), EVENTS).boxed().toList());
	}

	@Test
	void runsLogbacksCleanUpsOneAtATime() throws Exception {
		logEvents();

		assertThat(this.cleanUps.getCompletedTaskCount()).as("a clean-up after each roll").isGreaterThan(10);
		assertThat(this.cleanUps.mostAtOnce.get()).as("clean-ups running at once").isEqualTo(1);
	}

	private DestinationOutput logEvents() throws Exception {
		return logEvents((rolling) -> {
		});
	}

	/**
	 * Logs numbered WARN events through a destination rolling every 256 bytes, and stops it once delivered.
	 * @param rolling sets what else the test needs of the rolling policy
	 */
	private DestinationOutput logEvents(Consumer<Rollingpolicy> rolling) throws Exception {
		FileDestinationProperties properties = new FileDestinationProperties();
		properties.setPath(this.directory.resolve("audit.log"));
		properties.getRollingpolicy().setMaxFileSize(DataSize.ofBytes(256));
		rolling.accept(properties.getRollingpolicy());
		DestinationOutput output = new DestinationOutput("audit",
				FileDestinationFactory.create("audit", properties, null, this.context),
				LevelAndMessage.encoder(this.context), Level.TRACE, new DeliverySettings(EVENTS, 8, null, Level.WARN,
						0, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5)));
		output.setContext(this.context);
		output.start();
		for (int seq = 0; seq < EVENTS; seq++) {
			output.write(new LoggingEvent(getClass().getName(), this.context.getLogger("audit"), Level.WARN,
					"event " + seq + " " + "x".repeat(20), null, null));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> output.getDelivered(Level.WARN) == EVENTS);
		output.stop();
		return output;
	}

	private static void assertEveryEventOnce(List<Path> files, DestinationOutput output) throws Exception {
		List<Integer> seqs = new ArrayList<>();
		for (Path file : files) {
			seqs.addAll(seqs(file));
		}
		assertThat(seqs).as("every event once").containsExactlyInAnyOrderElementsOf(
				IntStream.range(0, EVENTS).boxed().toList());
		assertThat(seqs).as("lines = delivered").hasSize((int) output.getDelivered(Level.WARN));
	}

	/** The sequence numbers of the events in a file, each line checked whole. */
	private static List<Integer> seqs(Path file) throws Exception {
		String content = RolledFiles.content(file);
		assertThat(content).as("%s ends with a whole line", file).endsWith("\n");
		List<Integer> seqs = new ArrayList<>();
		for (String line : content.lines().toList()) {
			Matcher matcher = LINE.matcher(line);
			assertThat(matcher.matches()).as("a whole line in %s: %s", file, line).isTrue();
			seqs.add(Integer.parseInt(matcher.group(1)));
		}
		return seqs;
	}

	private Path rolled(int index) {
		return this.directory.resolve("audit.log." + LocalDate.now() + "." + index);
	}

	private Path archive(int index) {
		return archiveOf(LocalDate.now(), index);
	}

	private Path archiveOf(LocalDate day, int index) {
		return this.directory.resolve("audit.log." + day + "." + index + ".gz");
	}

	private List<String> warnings() {
		return this.context.getStatusManager()
			.getCopyOfStatusList()
			.stream()
			.filter((status) -> status.getLevel() == Status.WARN)
			.map(Status::getMessage)
			.toList();
	}

	private static LoggerContext newContext(ExecutorService cleanUps) {
		LoggerContext context = new LoggerContext() {

			@Override
			public synchronized ExecutorService getAlternateExecutorService() {
				return cleanUps;
			}

		};
		context.setName("file-rolling-test");
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		return context;
	}

	/**
	 * Logback's pool for clean-ups, with as many threads, each clean-up made to take a little longer, counting how
	 * many run at once.
	 */
	private static final class CleanUps extends ThreadPoolExecutor {

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		CleanUps() {
			super(4, 4, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
		}

		@Override
		protected void beforeExecute(Thread thread, Runnable task) {
			this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		protected void afterExecute(Runnable task, Throwable failure) {
			this.running.decrementAndGet();
		}

	}

}
