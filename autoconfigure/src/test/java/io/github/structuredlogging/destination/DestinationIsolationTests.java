package io.github.structuredlogging.destination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.structuredlogging.async.ConsumerState;
import io.github.structuredlogging.async.LogPipelineAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A local output that fails (a full disk) must not hold events back from a destination, which buffers and retries
 * on its own.
 */
class DestinationIsolationTests {

	private static final int EVENTS = 200;

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void keepsShippingEveryEventWhileTheLogFileFails() throws Exception {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		OutputStreamAppender<ILoggingEvent> file = new OutputStreamAppender<>();
		file.setContext(this.context);
		file.setName("FILE");
		file.setEncoder(encoder());
		file.setOutputStream(new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("No space left on device");
			}
		});
		file.start();
		ByteArrayOutputStream shipped = new ByteArrayOutputStream();
		DestinationOutput destination = new DestinationOutput("collector",
				new StreamDestination(() -> shipped), encoder(), Level.TRACE, new DeliverySettings(10_000, 64, null,
						Level.WARN, 0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5),
						Duration.ofSeconds(5)));
		destination.setContext(this.context);
		destination.start();
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.context);
		pipeline.setRetryInterval(Duration.ofSeconds(30));
		pipeline.setFallbackEncoder(encoder());
		pipeline.addAppender(file);
		pipeline.addOutput(destination);
		pipeline.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = this.context.getLogger("isolation");

		for (int seq = 0; seq < EVENTS; seq++) {
			logger.info("event {}", seq);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> destination.getDelivered(Level.INFO) == EVENTS);

		assertThat(pipeline.getConsumerState()).as("the file output really failed")
			.isEqualTo(ConsumerState.OUTPUT_FAILING);
		String lines = shipped.toString(StandardCharsets.UTF_8);
		for (int seq = 0; seq < EVENTS; seq++) {
			assertThat(lines).contains("event " + seq + "\n");
		}
		assertThat(lines.lines()).hasSize(EVENTS);
	}

	private PatternLayoutEncoder encoder() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%msg%n");
		encoder.start();
		return encoder;
	}

}
