package io.github.structuredlogging.async;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import net.logstash.logback.encoder.StreamingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which events their callers encode: those queued while more than half the queue waits for the writer, unless they
 * would be dropped rather than wait for room. The writer naps for a minute and is woken only once the queue is full
 * or by a warning, so the queue's fill at each call is known.
 */
class LogPipelineCallerEncodingTests {

	private static final int QUEUE_SIZE = 16;

	private static final long LONG_NAP = TimeUnit.MINUTES.toNanos(1);

	private final LoggerContext context = PipelineTestSupport.newContext();

	private final LogPipelineAppender pipeline = new LogPipelineAppender();

	private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

	private final RecordingEncoder encoder = new RecordingEncoder();

	private final String caller = Thread.currentThread().getName();

	private Logger logger;

	@AfterEach
	void stop() {
		this.pipeline.stop();
		this.context.stop();
	}

	@Test
	void callersThatWaitForRoomEncodeWhatTheyQueueOnceMoreThanHalfTheQueueWaits() {
		start(Duration.ofMinutes(1));
		for (int seq = 0; seq < QUEUE_SIZE; seq++) {
			this.logger.info("event {}", seq);
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> lines().size() == QUEUE_SIZE);
		assertThat(lines()).as("each event once, in order, as the encoder writes it")
			.containsExactlyElementsOf(IntStream.range(0, QUEUE_SIZE).mapToObj((seq) -> "INFO event " + seq).toList());
		// The ninth call finds 8 of 16 slots free; from the tenth on, fewer than half are.
		Map<String, List<String>> encodedBy = this.encoder.threadsByMessage();
		IntStream.range(0, 9)
			.forEach((seq) -> assertThat(encodedBy.get("event " + seq)).as("event %d", seq).containsExactly(writer()));
		IntStream.range(9, QUEUE_SIZE)
			.forEach((seq) -> assertThat(encodedBy.get("event " + seq)).as("event %d", seq)
				.containsExactly(this.caller));
	}

	@Test
	void callersThatDropWhenTheQueueIsFullNeverEncodeButOnesThatAreNeverDroppedDo() {
		start(Duration.ZERO);
		int infos = QUEUE_SIZE - 4;
		for (int seq = 0; seq < infos; seq++) {
			this.logger.info("event {}", seq);
		}
		this.logger.warn("warning");

		await().atMost(Duration.ofSeconds(10)).until(() -> lines().size() == infos + 1);
		assertThat(lines()).last().isEqualTo("WARN warning");
		Map<String, List<String>> encodedBy = this.encoder.threadsByMessage();
		IntStream.range(0, infos)
			.forEach((seq) -> assertThat(encodedBy.get("event " + seq)).as("event %d", seq).containsExactly(writer()));
		assertThat(encodedBy.get("warning")).containsExactly(this.caller);
	}

	private void start(Duration appendTimeout) {
		OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
		output.setContext(this.context);
		output.setName("MEMORY");
		output.setEncoder(this.encoder);
		output.setOutputStream(this.stream);
		output.start();
		this.pipeline.setContext(this.context);
		this.pipeline.setName("caller-encoding-test");
		this.pipeline.setQueueSize(QUEUE_SIZE);
		this.pipeline.setAppendTimeout(appendTimeout);
		this.pipeline.setWaitStrategy(new NappingWaitStrategy(QUEUE_SIZE, LONG_NAP, LONG_NAP));
		this.pipeline.addAppender(output);
		this.pipeline.start();
		this.logger = this.context.getLogger("caller-encoding");
		this.logger.setLevel(Level.INFO);
		this.logger.addAppender(this.pipeline);
		this.logger.setAdditive(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> writerThread().getState() == Thread.State.TIMED_WAITING);
	}

	private List<String> lines() {
		String text;
		synchronized (this.stream) {
			text = this.stream.toString(StandardCharsets.UTF_8);
		}
		return text.lines().toList();
	}

	private String writer() {
		return "structured-logging-" + this.pipeline.getName();
	}

	private Thread writerThread() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(writer()))
			.findFirst()
			.orElseThrow();
	}

	/** Writes the level and message, and records which thread encoded each message. */
	private static final class RecordingEncoder extends EncoderBase<ILoggingEvent>
			implements StreamingEncoder<ILoggingEvent> {

		private final List<String[]> encodings = new CopyOnWriteArrayList<>();

		@Override
		public void encode(ILoggingEvent event, OutputStream stream) throws IOException {
			stream.write(encode(event));
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			this.encodings.add(new String[] { event.getFormattedMessage(), Thread.currentThread().getName() });
			return (event.getLevel() + " " + event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
		}

		Map<String, List<String>> threadsByMessage() {
			Map<String, List<String>> threads = new ConcurrentHashMap<>();
			for (String[] encoding : this.encodings) {
				threads.computeIfAbsent(encoding[0], (message) -> new CopyOnWriteArrayList<>()).add(encoding[1]);
			}
			return threads;
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

}
