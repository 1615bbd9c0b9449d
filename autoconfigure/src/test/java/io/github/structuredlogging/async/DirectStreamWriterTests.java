package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import io.github.structuredlogging.support.JsonLogLines;
import net.logstash.logback.encoder.StreamingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logback's own stream appenders behind the pipeline, written without a {@code byte[]} per event: what the appender
 * would have written, in fewer writes, with rolling and broken events handled as the appender handles them.
 */
class DirectStreamWriterTests {

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final Logger logger = this.context.getLogger("direct");

	@TempDir
	Path directory;

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void handsTheStreamOneWritePerBatchInsteadOfOnePerEvent() throws Exception {
		CountDownLatch firstWrite = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountingStream stream = new CountingStream(firstWrite, release);
		LogPipelineAppender pipeline = start(PipelineTestSupport.output(this.context, "OUT", stream));
		this.logger.info("first");
		assertThat(firstWrite.await(30, TimeUnit.SECONDS)).isTrue();
		// The writer is held in the first write, so the next events queue up and form one batch.
		for (int seq = 0; seq < 200; seq++) {
			this.logger.atInfo().addKeyValue("seq", seq).log("queued");
		}
		release.countDown();
		assertThat(pipeline.awaitFlushed(FLUSH_TIMEOUT)).isTrue();
		List<JsonNode> queued = JsonLogLines.parse(stream.text()).withMessage("queued");
		assertThat(queued).extracting((event) -> event.get("seq").asInt())
			.containsExactlyElementsOf(Stream.iterate(0, (seq) -> seq + 1).limit(200).toList());
		int bytesPerWrite = DirectStreamWriter.CHUNK_BYTES;
		assertThat(stream.writes.get()).as("writes for %d bytes in %d-byte chunks", stream.bytes(), bytesPerWrite)
			.isBetween(2, 2 + stream.bytes() / bytesPerWrite + 1);
	}

	@Test
	void rollsTheFileAsTheAppenderWouldAndLosesNoEventAcrossTheRolls() throws Exception {
		Path active = this.directory.resolve("app.json");
		RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
		rolling.setContext(this.context);
		rolling.setName("FILE");
		rolling.setFile(active.toString());
		rolling.setEncoder(PipelineTestSupport.jsonEncoder(this.context));
		FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
		policy.setContext(this.context);
		policy.setParent(rolling);
		policy.setFileNamePattern(this.directory.resolve("app.%i.json").toString());
		policy.setMinIndex(1);
		policy.setMaxIndex(20);
		policy.start();
		SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
		trigger.setContext(this.context);
		trigger.setMaxFileSize(FileSize.valueOf("4KB"));
		trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
		trigger.start();
		rolling.setRollingPolicy(policy);
		rolling.setTriggeringPolicy(trigger);
		rolling.start();
		assertThat(DirectStreamWriter.forAppender(rolling)).isNotNull();
		LogPipelineAppender pipeline = start(rolling);
		int events = 120;
		for (int seq = 0; seq < events; seq++) {
			this.logger.atInfo().addKeyValue("seq", seq).log("rolling");
			// One event per batch, so every event is offered to the triggering policy on a file of known length.
			assertThat(pipeline.awaitFlushed(FLUSH_TIMEOUT)).isTrue();
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(this.directory)) {
			files = listed.toList();
		}
		assertThat(files).as("rolled files").hasSizeGreaterThan(3);
		List<Integer> seen = new ArrayList<>();
		for (Path file : files) {
			String text = Files.readString(file);
			assertThat(text.length()).as("%s, rolled at 4 KB", file).isLessThan(4096 + 1024);
			JsonLogLines.parse(text).withMessage("rolling").forEach((event) -> seen.add(event.get("seq").asInt()));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(Stream.iterate(0, (seq) -> seq + 1).limit(events).toList());
	}

	@Test
	void leavesNoHalfEventInTheStreamWhenTheEncoderFailsMidway() {
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setName("OUT");
		appender.setEncoder(new FailingMidwayEncoder());
		appender.setOutputStream(stream);
		appender.start();
		LogPipelineAppender pipeline = start(appender);
		this.logger.info("before");
		this.logger.info("fails");
		this.logger.info("after");
		assertThat(pipeline.awaitFlushed(FLUSH_TIMEOUT)).isTrue();
		assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("before\nafter\n");
		assertThat(this.context.getStatusManager().getCopyOfStatusList()).anySatisfy((status) -> {
			assertThat(status.getLevel()).isEqualTo(Status.ERROR);
			assertThat(status.getMessage()).contains("failed to encode");
		});
	}

	@Test
	void leavesSubclassesAndPrudentFilesToWriteTheirEventsThemselves() {
		FileAppender<ILoggingEvent> prudent = new FileAppender<>();
		prudent.setPrudent(true);
		assertThat(DirectStreamWriter.forAppender(prudent)).isNull();
		assertThat(DirectStreamWriter.forAppender(new FileAppender<ILoggingEvent>() {
		})).isNull();
		assertThat(DirectStreamWriter.forAppender(new FileAppender<>())).isNotNull();
		assertThat(DirectStreamWriter.forAppender(new ConsoleAppender<>())).isNotNull();
	}

	private LogPipelineAppender start(OutputStreamAppender<ILoggingEvent> output) {
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setAppendTimeout(Duration.ofMinutes(1));
		pipeline.addAppender(output);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		return pipeline;
	}

	/** Writes the message and a newline, but for the message "fails" writes half of it and throws. */
	private static final class FailingMidwayEncoder extends EncoderBase<ILoggingEvent>
			implements StreamingEncoder<ILoggingEvent> {

		@Override
		public void encode(ILoggingEvent event, OutputStream stream) throws IOException {
			if (event.getFormattedMessage().equals("fails")) {
				stream.write("fa".getBytes(StandardCharsets.UTF_8));
				throw new IllegalStateException("broken value");
			}
			stream.write(encode(event));
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			return (event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

	}

	/** Counts the writes it is handed, and holds the first until released. */
	private static final class CountingStream extends OutputStream {

		private final ByteArrayOutputStream target = new ByteArrayOutputStream();

		private final AtomicInteger writes = new AtomicInteger();

		private final CountDownLatch firstWrite;

		private final CountDownLatch release;

		CountingStream(CountDownLatch firstWrite, CountDownLatch release) {
			this.firstWrite = firstWrite;
			this.release = release;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			if (this.writes.incrementAndGet() == 1) {
				this.firstWrite.countDown();
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.target.write(bytes, offset, length);
		}

		synchronized int bytes() {
			return this.target.size();
		}

		synchronized String text() {
			return this.target.toString(StandardCharsets.UTF_8);
		}

	}

}
