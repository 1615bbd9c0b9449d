package io.github.structuredlogging.async;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.support.JsonLogLines;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight threads flood a queue of 1024 in front of an output that takes a while per event. The event count is the
 * system property {@value #EVENTS_PROPERTY}, by default the full 1 000 000 (some 20 s on two cores); a
 * smaller count makes a quick local run.
 */
@Tag("production-jit")
class LogPipelineFloodTests {

	static final String EVENTS_PROPERTY = "flood.events";

	private static final int THREADS = 8;

	private static final Level[] LEVEL_CYCLE = { Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO, Level.INFO,
			Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO, Level.INFO, Level.DEBUG, Level.INFO, Level.DEBUG,
			Level.INFO, Level.INFO, Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO, Level.INFO, Level.DEBUG,
			Level.INFO, Level.DEBUG, Level.INFO, Level.INFO, Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO,
			Level.INFO, Level.DEBUG, Level.INFO, Level.DEBUG, Level.INFO, Level.INFO, Level.DEBUG, Level.INFO,
			Level.DEBUG, Level.WARN, Level.ERROR };

	@TempDir
	Path directory;

	@Test
	void accountsForEveryEventPerLevelAndLosesNoWarningUnderFlood() throws Exception {
		int events = Integer.getInteger(EVENTS_PROPERTY, 1_000_000);
		int perThread = events / THREADS;
		LoggerContext context = PipelineTestSupport.newContext();
		Path file = this.directory.resolve("flood.json");
		TestOutputStream slowFile = new TestOutputStream(new BufferedOutputStream(new FileOutputStream(file.toFile())),
				TimeUnit.MICROSECONDS.toNanos(5));
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(context);
		pipeline.setQueueSize(1024);
		pipeline.setDrainTimeout(Duration.ofSeconds(30));
		pipeline.addAppender(PipelineTestSupport.output(context, "FILE", slowFile));
		pipeline.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.DEBUG);
		root.addAppender(pipeline);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		LogbackMetrics logbackMetrics = new LogbackMetrics(List.of(), context);
		logbackMetrics.bindTo(registry);
		new LogPipelineMetrics(context).bindTo(registry);

		Logger logger = context.getLogger("flood");
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			done.add(threads.submit(() -> {
				start.await();
				for (int seq = 0; seq < perThread; seq++) {
					logger.atLevel(org.slf4j.event.Level.valueOf(levelOf(seq).toString()))
						.addKeyValue("t", thread)
						.addKeyValue("seq", seq)
						.log("flood");
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		threads.shutdown();
		pipeline.stop();

		JsonLogLines lines = JsonLogLines.parse(Files.readString(file));
		Map<String, Integer> writtenLines = new HashMap<>();
		Map<Integer, Set<Integer>> seqsPerThread = new HashMap<>();
		for (JsonNode line : lines.all()) {
			writtenLines.merge(line.get("level").asString(), 1, Integer::sum);
			boolean unique = seqsPerThread.computeIfAbsent(line.get("t").asInt(), (t) -> new HashSet<>())
				.add(line.get("seq").asInt());
			assertThat(unique).as("event written once").isTrue();
		}
		for (Level level : List.of(Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR)) {
			long logged = (long) THREADS * countOf(level, perThread);
			long written = pipeline.getWritten(level);
			long dropped = pipeline.getDropped(level);
			long sampled = pipeline.getSampled(level);
			String tag = level.toString().toLowerCase();
			assertThat(pipeline.getAccepted(level)).as("accepted %s", level).isEqualTo(logged);
			assertThat(written + dropped + sampled).as("written + dropped + sampled %s", level).isEqualTo(logged);
			assertThat(writtenLines.getOrDefault(level.toString(), 0)).as("lines of %s", level)
				.isEqualTo((int) written);
			assertThat(registry.get("logback.events").tag("level", tag).functionCounter().count()).isEqualTo(logged);
			assertThat(registry.get("logging.events.dropped").tag("level", tag).functionCounter().count())
				.isEqualTo(dropped);
			assertThat(registry.get("logging.events.fallback").tag("level", tag).functionCounter().count())
				.isEqualTo(pipeline.getFallback(level));
		}
		assertThat(pipeline.getDropped(Level.INFO)).as("the flood overflowed the queue").isPositive();
		assertThat(pipeline.getFallback(Level.WARN)).as("warnings took the caller's path").isPositive();
		assertThat(pipeline.getDropped(Level.WARN) + pipeline.getDropped(Level.ERROR)).isZero();
		for (int thread = 0; thread < THREADS; thread++) {
			Set<Integer> seqs = seqsPerThread.get(thread);
			for (int seq = 0; seq < perThread; seq++) {
				if (levelOf(seq).isGreaterOrEqual(Level.WARN)) {
					assertThat(seqs).as("thread %d", thread).contains(seq);
				}
			}
		}
		logbackMetrics.close();
		context.stop();
	}

	private static Level levelOf(int seq) {
		return LEVEL_CYCLE[seq % LEVEL_CYCLE.length];
	}

	private static long countOf(Level level, int perThread) {
		long count = 0;
		for (int seq = 0; seq < perThread; seq++) {
			if (levelOf(seq) == level) {
				count++;
			}
		}
		return count;
	}


}
