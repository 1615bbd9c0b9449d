package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which events wake a napping writer: one above the drop level at once, droppable ones only as a backlog. The
 * writer's naps are a minute long here, so an event written within seconds was woken for.
 */
class LogPipelineWriterWakeTests {

	private static final int BACKLOG = 16;

	private static final long LONG_NAP = TimeUnit.MINUTES.toNanos(1);

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final LogPipelineAppender pipeline = new LogPipelineAppender();

	private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

	private Logger logger;

	@BeforeEach
	void start() {
		this.pipeline.setContext(this.context);
		this.pipeline.setName("wake-test");
		this.pipeline.setWaitStrategy(new NappingWaitStrategy(BACKLOG, LONG_NAP, LONG_NAP));
		this.pipeline.addAppender(PipelineTestSupport.output(this.context, "MEMORY", this.stream));
		this.pipeline.start();
		this.logger = this.context.getLogger("wake");
		this.logger.setLevel(Level.INFO);
		this.logger.addAppender(this.pipeline);
		this.logger.setAdditive(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> writerThread().getState() == Thread.State.TIMED_WAITING);
	}

	@AfterEach
	void stop() {
		this.pipeline.stop();
		this.context.stop();
	}

	@Test
	void aWarningIsWrittenAtOnceWithTheInfoQueuedBeforeIt() throws Exception {
		this.logger.info("info before");
		Thread.sleep(300);
		assertThat(written()).as("an INFO alone woke the napping writer").doesNotContain("info before");
		this.logger.warn("warning");
		await().atMost(Duration.ofSeconds(10)).until(() -> written().contains("warning"));
		assertThat(written()).contains("info before");
	}

	@Test
	void droppableEventsWakeTheWriterOnceTheyReachTheBacklog() throws Exception {
		for (int i = 0; i < BACKLOG - 1; i++) {
			this.logger.info("info {}", i);
		}
		Thread.sleep(300);
		assertThat(written()).as("woken by %d INFO events, the backlog being %d", BACKLOG - 1, BACKLOG).isEmpty();
		this.logger.info("info {}", BACKLOG - 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> written().contains("info " + (BACKLOG - 1)));
	}

	@Test
	void stoppingDoesNotWaitForTheNapToEnd() {
		this.logger.info("queued");
		long start = System.nanoTime();
		this.pipeline.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(written()).contains("queued");
	}

	private String written() {
		return this.stream.toString(StandardCharsets.UTF_8);
	}

	private Thread writerThread() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("structured-logging-" + this.pipeline.getName()))
			.findFirst()
			.orElseThrow();
	}

}
