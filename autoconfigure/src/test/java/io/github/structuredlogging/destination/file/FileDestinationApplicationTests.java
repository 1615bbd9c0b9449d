package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.async.LevelCounters;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelineEndpoint;
import io.github.structuredlogging.async.LogPipelineEndpoint.DestinationDescriptor;
import io.github.structuredlogging.async.LogPipelineHealthIndicator;
import io.github.structuredlogging.destination.DestinationMetrics;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.support.LoggingApplication;
import io.github.structuredlogging.validation.InvalidConfigurationFailureAnalyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A {@code file} destination in a real application, beside a console destination with another level and format:
 * what the file really holds, line by line, what it rolled into, and what the endpoint, health and meters say.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileDestinationApplicationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern SEQ = Pattern.compile("(?:audit|rolled) event (\\d+)");

	private static final Level[] LEVELS = { Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR };

	@TempDir
	Path directory;

	@Test
	void writesItsOwnLevelAndFormatBesideAConsoleDestination(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("logs/audit.log");
		try (ConfigurableApplicationContext context = LoggingApplication.start("logging.level.com.acme=DEBUG",
				"structured-logging.destinations.stdout.type=console",
				"structured-logging.destinations.stdout.level=warn",
				"structured-logging.destinations.stdout.format=plain",
				"structured-logging.destinations.audit.type=file", "structured-logging.destinations.audit.level=info",
				"structured-logging.destinations.audit.format=ecs",
				"structured-logging.destinations.audit.file.path=" + file,
				"structured-logging.destinations.audit.spill.directory=" + this.directory.resolve("spill"))) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.acme.Audit");
			Map<Level, List<Integer>> byLevel = new HashMap<>();
			for (int seq = 0; seq < 400; seq++) {
				Level level = LEVELS[seq % LEVELS.length];
				byLevel.computeIfAbsent(level, (key) -> new ArrayList<>()).add(seq);
				logger.atLevel(org.slf4j.event.Level.valueOf(level.toString())).log("audit event {}", seq);
			}
			DestinationOutput audit = destination("audit");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> audit.getBufferSize() == 0 && ours(lines(file)).size() == 300);

			List<JsonNode> events = lines(file).stream().map(MAPPER::readTree).toList();
			assertThat(ours(lines(file))).as("one line per event at or above INFO, nothing below")
				.extracting((event) -> level(event))
				.doesNotContain("DEBUG");
			for (Level level : new Level[] { Level.INFO, Level.WARN, Level.ERROR }) {
				assertThat(ours(lines(file)).stream().filter((event) -> level(event).equals(level.toString())))
					.extracting(FileDestinationApplicationTests::seq)
					.as("%s events in the file, each once, in order", level)
					.containsExactlyElementsOf(byLevel.get(level));
			}
			assertThat(audit.getFiltered(Level.DEBUG)).as("DEBUG counted as filtered").isEqualTo(100);

			DestinationDescriptor described = new LogPipelineEndpoint(loggerContext()).pipelines()
				.pipelines()
				.get(LogPipelineAppender.DEFAULT_NAME)
				.destinations()
				.get("audit");
			assertThat(described.connected()).isTrue();
			assertThat(described.downSince()).isNull();
			Map<String, Map<String, Long>> counts = described.levels();
			for (Level level : LevelCounters.LEVELS) {
				String name = level.toString();
				assertThat(counts.get("accepted").get(name))
					.as("%s accepted = delivered + dropped + spilled + buffered + filtered", name)
					.isEqualTo(counts.get("delivered").get(name) + counts.get("dropped").get(name)
							+ counts.get("spilled").get(name) + counts.get("buffered").get(name)
							+ counts.get("filtered").get(name));
				assertThat(counts.get("delivered").get(name)).as("%s lines in the file = delivered", name)
					.isEqualTo(events.stream().filter((event) -> level(event).equals(name)).count());
				assertThat(counts.get("dropped").get(name)).isZero();
			}
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new DestinationMetrics(loggerContext()).bindTo(registry);
			assertThat(registry.get("logging.events.delivered")
				.tags("destination", "audit", "level", "warn")
				.functionCounter()
				.count()).isEqualTo(audit.getDelivered(Level.WARN));
			assertThat(registry.get("logging.destination.connected").tag("destination", "audit").gauge().value())
				.isEqualTo(1);
			assertThat(new LogPipelineHealthIndicator(loggerContext(), new AsyncProperties.Health()).health()
				.getDetails()).extractingByKey(LogPipelineAppender.DEFAULT_NAME)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("degraded", false);

			await().until(() -> plainLines(output).size() == 200);
			assertThat(plainLines(output)).as("the console destination: WARN and ERROR only, in plain text")
				.allMatch((line) -> line.contains("WARN") || line.contains("ERROR"))
				.noneMatch((line) -> line.contains(" INFO "));
		}
	}

	@Test
	void rollsIntoWholeCompressedFilesHoldingEveryEventOnce() throws Exception {
		Path file = this.directory.resolve("audit.log");
		int events = 600;
		try (ConfigurableApplicationContext context = LoggingApplication.start(
				"structured-logging.destinations.audit.type=file", "structured-logging.destinations.audit.format=json",
				"structured-logging.destinations.audit.buffer.batch-size=16",
				"structured-logging.destinations.audit.file.path=" + file,
				"structured-logging.destinations.audit.file.rollingpolicy.max-file-size=4KB",
				"structured-logging.destinations.audit.spill.directory=" + this.directory.resolve("spill"))) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("com.acme.Rolled");
			for (int seq = 0; seq < events; seq++) {
				logger.info("rolled event {}", seq);
			}
			DestinationOutput audit = destination("audit");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> audit.getBufferSize() == 0 && audit.getDelivered(Level.INFO) >= events);

			List<Path> rolled = RolledFiles.in(this.directory, "audit.log.");
			assertThat(rolled).as("rolled with Spring Boot's default name pattern")
				.hasSizeGreaterThan(10)
				.allSatisfy((path) -> assertThat(path.getFileName().toString())
					.matches("audit\\.log\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.gz"));
			List<String> all = new ArrayList<>();
			int longest = 0;
			for (Path path : Stream.concat(rolled.stream(), Stream.of(file)).toList()) {
				String content = RolledFiles.content(path);
				assertThat(content).as("%s ends with a whole line", path).endsWith("\n");
				List<String> lines = content.lines().toList();
				lines.forEach((line) -> assertThat(MAPPER.readTree(line).get("message")).as(line).isNotNull());
				longest = Math.max(longest, lines.stream().mapToInt(String::length).max().orElse(0));
				all.addAll(lines);
				if (!path.equals(file)) {
					assertThat(content.getBytes(StandardCharsets.UTF_8).length).as("%s rolled at 4KB", path)
						.isLessThan(4096 + longest + 1);
				}
			}
			List<Integer> seqs = all.stream()
				.map(MAPPER::readTree)
				.map((event) -> event.get("message").asString())
				.map(SEQ::matcher)
				.filter(Matcher::matches)
				.map((matcher) -> Integer.parseInt(matcher.group(1)))
				.toList();
			assertThat(new TreeSet<>(seqs)).as("every event in one of the files")
				.containsExactlyElementsOf(IntStream.range(0, events).boxed().toList());
			assertThat(seqs).as("each once").doesNotHaveDuplicates();
			assertThat(all).as("lines = delivered").hasSize((int) audit.getDelivered(Level.INFO));
		}
	}

	@Test
	void refusesAFileDestinationWithoutAPathNamingTheProperty() {
		assertThatException().isThrownBy(() -> LoggingApplication
			.start("structured-logging.destinations.audit.type=file").close())
			.satisfies((failure) -> assertThat(
					new InvalidConfigurationFailureAnalyzer().analyze(failure).getDescription())
				.contains("Property: structured-logging.destinations.audit.file.path\n")
				.contains("must be set for a destination of type file"));
	}

	@Test
	void refusesAPatternLogbackCannotRollWithNamingTheProperty() {
		assertThatException().isThrownBy(() -> LoggingApplication
			.start("structured-logging.destinations.audit.type=file",
					"structured-logging.destinations.audit.file.path=" + this.directory.resolve("audit.log"),
					"structured-logging.destinations.audit.file.rollingpolicy.file-name-pattern="
							+ this.directory.resolve("audit.%d{yyyy-MM-dd}.log"))
			.close())
			.withStackTraceContaining("structured-logging.destinations.audit.file.rollingpolicy.file-name-pattern")
			.withStackTraceContaining("%i");
	}

	@Test
	void refusesAnXzPatternNamingTheProperty() {
		assertThatException().isThrownBy(() -> LoggingApplication
			.start("structured-logging.destinations.audit.type=file",
					"structured-logging.destinations.audit.file.path=" + this.directory.resolve("audit.log"),
					"structured-logging.destinations.audit.file.rollingpolicy.file-name-pattern="
							+ this.directory.resolve("audit.%d{yyyy-MM-dd}.%i.xz"))
			.close())
			.withStackTraceContaining("structured-logging.destinations.audit.file.rollingpolicy.file-name-pattern")
			.withStackTraceContaining("does not write xz");
	}

	@Test
	void refusesADirectoryAsThePath() {
		assertThatException().isThrownBy(() -> LoggingApplication
			.start("structured-logging.destinations.audit.type=file",
					"structured-logging.destinations.audit.file.path=" + this.directory)
			.close()).withStackTraceContaining("structured-logging.destinations.audit.file.path");
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

	private static List<JsonNode> ours(List<String> lines) {
		return lines.stream()
			.map(MAPPER::readTree)
			.filter((event) -> SEQ.matcher(event.get("message").asString()).matches())
			.toList();
	}

	private static int seq(JsonNode event) {
		Matcher matcher = SEQ.matcher(event.get("message").asString());
		assertThat(matcher.matches()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	/** ECS writes {@code log.level}; Spring Boot nests it as {@code log: {level}}. */
	private static String level(JsonNode event) {
		JsonNode nested = event.at("/log/level");
		return nested.isMissingNode() ? event.get("log.level").asString() : nested.asString();
	}

	private static List<String> plainLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> !line.startsWith("{") && line.contains("audit event")).toList();
	}

	private static DestinationOutput destination(String name) {
		Logger root = loggerContext().getLogger(Logger.ROOT_LOGGER_NAME);
		LogPipelineAppender pipeline = (LogPipelineAppender) root.getAppender(LogPipelineAppender.DEFAULT_NAME);
		return (DestinationOutput) pipeline.getOutputs()
			.stream()
			.filter((output) -> output.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

}
