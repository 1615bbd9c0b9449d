package io.github.structuredlogging.async;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.structuredlogging.support.BurstMain;
import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.LossSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM logs 200 000 events and exits through a normal shutdown; what it wrote is compared with what it
 * logged.
 */
class ShutdownDrainTests {

	private static final int EVENTS = 200_000;

	@TempDir
	Path directory;

	@Test
	void writesEveryWarningAndAccountsForEveryMissingInfoWhenTheJvmExits() throws Exception {
		Path file = this.directory.resolve("burst.json");
		Path stderr = this.directory.resolve("stderr.txt");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				BurstMain.class.getName(), String.valueOf(EVENTS), "logging.file.name=" + file,
				"structured-logging.async.queue-size=1024", "structured-logging.async.append-timeout=0ms")
			.redirectOutput(Redirect.DISCARD)
			.redirectError(stderr.toFile())
			.start();
		assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child exited").isTrue();
		assertThat(child.exitValue()).as(Files.readString(stderr)).isZero();

		JsonLogLines lines = JsonLogLines.parse(Files.readString(file));
		List<JsonNode> burst = lines.withMessage(BurstMain.MESSAGE);
		assertThat(burst.stream()
			.filter((event) -> "WARN".equals(event.get("level").asString()))
			.map((event) -> event.get("seq").asInt()))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).filter((seq) -> seq % 10 == 0)
				.boxed()
				.toList());
		long burstInfos = burst.stream().filter((event) -> "INFO".equals(event.get("level").asString())).count();
		long allInfos = lines.withField("level", "INFO").size();
		Map<String, Map<String, Long>> summary = LossSummary.parse(Files.readString(stderr), LogPipelineAppender.SUMMARY_PREFIX);
		long droppedInfos = summary.getOrDefault("dropped", Map.of()).getOrDefault("INFO", 0L);
		long sampledInfos = summary.getOrDefault("sampled", Map.of()).getOrDefault("INFO", 0L);
		long filteredInfos = summary.getOrDefault("filtered", Map.of()).getOrDefault("INFO", 0L);
		if (summary.isEmpty()) {
			assertThat(burstInfos).isEqualTo(EVENTS * 9 / 10);
		}
		else {
			assertThat(allInfos + droppedInfos + sampledInfos + filteredInfos)
				.isEqualTo(summary.get("accepted").get("INFO"));
			assertThat(burstInfos + droppedInfos + sampledInfos).isGreaterThanOrEqualTo(EVENTS * 9 / 10);
		}
	}

}
