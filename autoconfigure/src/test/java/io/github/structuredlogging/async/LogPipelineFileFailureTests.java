package io.github.structuredlogging.async;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Logback file appender (the kind Spring Boot's FILE appender is) whose file descriptor fails: Logback's
 * resilient stream swallows the error and reopens the file later, so only the pipeline can keep the warnings.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPipelineFileFailureTests {

	private static final int EVENTS = 20;

	private final LoggerContext context = PipelineTestSupport.newContext();

	@TempDir
	Path directory;

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void keepsWarningsWhenTheLogFileFailsAndWritesToItAgainOnceLogbackReopensIt(CapturedOutput captured)
			throws Exception {
		Path path = this.directory.resolve("app.json");
		FileAppender<ILoggingEvent> file = new FileAppender<>();
		file.setContext(this.context);
		file.setName("FILE");
		file.setFile(path.toString());
		file.setEncoder(PipelineTestSupport.jsonEncoder(this.context));
		file.start();
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setQueueSize(256);
		pipeline.setRetryInterval(Duration.ofMillis(50));
		pipeline.addAppender(file);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = this.context.getLogger("file");
		logger.warn("before");
		await().until(() -> JsonLogLines.parse(Files.readString(path)).withMessage("before").size() == 1);

		// What a vanished disk looks like from inside the JVM: the file's descriptor fails.
		((ResilientFileOutputStream) file.getOutputStream()).getChannel().close();
		for (int seq = 0; seq < EVENTS; seq++) {
			logger.atWarn().addKeyValue("seq", seq).log("broken");
		}
		await().until(() -> pipeline.getInFlight() == 0);
		// Events counted as written to the file go to stderr only once the batch's flush has failed, just after.
		await().untilAsserted(() -> {
			Set<Integer> kept = new HashSet<>();
			for (String written : new String[] { Files.readString(path), captured.getErr() }) {
				JsonLogLines.parse(written)
					.withMessage("broken")
					.forEach((JsonNode event) -> kept.add(event.get("seq").asInt()));
			}
			assertThat(kept).containsAll(IntStream.range(0, EVENTS).boxed().toList());
		});
		assertThat(pipeline.getFallback(Level.WARN)).isPositive();
		assertThat(pipeline.getDropped(Level.WARN)).isZero();

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			logger.info("probe");
			return pipeline.getConsumerState() == ConsumerState.RUNNING;
		});
		logger.warn("after");
		await().until(() -> JsonLogLines.parse(Files.readString(path)).withMessage("after").size() == 1);
		assertThat(JsonLogLines.parse(captured.getErr()).withMessage("after")).isEmpty();
	}

}
