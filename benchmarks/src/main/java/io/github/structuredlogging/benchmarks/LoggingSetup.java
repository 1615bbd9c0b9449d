package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * One way of writing the same JSON events to a file: the starter's pipeline, the stock alternatives, or Log4j2
 * (driven through its own API, since SLF4J can be bound to one backend only). Every Logback variant uses the
 * starter's JSON encoder and a {@link FileAppender}; every queue holds {@value #QUEUE_SIZE} events.
 */
final class LoggingSetup implements AutoCloseable {

	static final int QUEUE_SIZE = 8192;

	/** Log4j2 reads its async logger settings from system properties when its context is first created. */
	static final String[] LOG4J2_JVM_ARGS = {
			"-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
			"-Dlog4j2.asyncLoggerRingBufferSize=" + QUEUE_SIZE, "-Dlog4j2.statusLoggerLevel=ERROR" };

	private final Variant variant;

	private final Path file;

	private final LoggerContext logback;

	private final Logger logbackLogger;

	private final Appender<ILoggingEvent> async;

	private final org.apache.logging.log4j.core.LoggerContext log4j;

	private final org.apache.logging.log4j.Logger log4jLogger;

	LoggingSetup(Variant variant, boolean blockWhenFull) {
		this.variant = variant;
		try {
			this.file = Files.createTempFile("structured-logging-bench-" + variant.name().toLowerCase(), ".json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (variant == Variant.LOG4J2_ASYNC) {
			this.logback = null;
			this.logbackLogger = null;
			this.async = null;
			this.log4j = Configurator.initialize(log4jConfiguration(this.file));
			this.log4jLogger = this.log4j.getLogger("bench.orders");
			return;
		}
		this.log4j = null;
		this.log4jLogger = null;
		this.logback = new LoggerContext();
		this.logback.setMDCAdapter(new LogbackMDCAdapter());
		this.logback.start();
		FileAppender<ILoggingEvent> fileAppender = fileAppender(this.logback, this.file,
				variant.flushesPerBatch());
		this.async = switch (variant) {
			case SYNC -> fileAppender;
			case PIPELINE -> pipeline(fileAppender, blockWhenFull);
			case LOGBACK_ASYNC -> logbackAsync(fileAppender, false, blockWhenFull);
			case LOGBACK_ASYNC_NEVER_BLOCK -> logbackAsync(fileAppender, true, blockWhenFull);
			case LOGSTASH_DISRUPTOR -> logstash(fileAppender, blockWhenFull);
			default -> throw new IllegalArgumentException(variant.name());
		};
		this.logbackLogger = this.logback.getLogger("bench.orders");
		Logger root = this.logback.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(this.async);
	}

	void log(long sequence) {
		if (this.log4jLogger != null) {
			this.log4jLogger.info("Order {} placed for {}", sequence, "book");
		}
		else {
			this.logbackLogger.info("Order {} placed for {}", sequence, "book");
		}
	}

	/**
	 * Lines in the file once everything queued is written.
	 * @return the number of events that reached the file
	 */
	long linesWritten() {
		close();
		try (var lines = Files.lines(this.file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long droppedByPipeline() {
		return (this.async instanceof LogPipelineAppender pipeline) ? pipeline.getTotalDropped() : 0;
	}

	@Override
	public void close() {
		if (this.logback != null && this.logback.isStarted()) {
			this.logback.stop();
		}
		if (this.log4j != null && this.log4j.isStarted()) {
			this.log4j.stop();
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Variant variant() {
		return this.variant;
	}

	private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file, boolean batchFlush) {
		FileAppender<ILoggingEvent> appender = new FileAppender<>();
		appender.setContext(context);
		appender.setName("FILE");
		appender.setFile(file.toString());
		appender.setAppend(false);
		appender.setEncoder(new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "bench").create(context));
		appender.getEncoder().start();
		appender.setImmediateFlush(!batchFlush);
		appender.start();
		return appender;
	}

	private LogPipelineAppender pipeline(FileAppender<ILoggingEvent> file, boolean blockWhenFull) {
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(this.logback);
		pipeline.setQueueSize(QUEUE_SIZE);
		if (blockWhenFull) {
			pipeline.setAppendTimeout(Duration.ofHours(1));
		}
		pipeline.addAppender(file);
		pipeline.start();
		return pipeline;
	}

	private AsyncAppender logbackAsync(FileAppender<ILoggingEvent> file, boolean neverBlock, boolean blockWhenFull) {
		AsyncAppender appender = new AsyncAppender();
		appender.setContext(this.logback);
		appender.setName("LOGBACK_ASYNC");
		appender.setQueueSize(QUEUE_SIZE);
		appender.setNeverBlock(neverBlock);
		if (blockWhenFull) {
			// Its default discards TRACE/DEBUG/INFO once the queue is 80 % full; zero keeps every event.
			appender.setDiscardingThreshold(0);
		}
		appender.addAppender(file);
		appender.start();
		return appender;
	}

	private LoggingEventAsyncDisruptorAppender logstash(FileAppender<ILoggingEvent> file, boolean blockWhenFull) {
		LoggingEventAsyncDisruptorAppender appender = new LoggingEventAsyncDisruptorAppender();
		appender.setContext(this.logback);
		appender.setName("LOGSTASH_ASYNC");
		appender.setRingBufferSize(QUEUE_SIZE);
		appender.setAddDefaultStatusListener(false);
		if (blockWhenFull) {
			appender.setAppendTimeout(ch.qos.logback.core.util.Duration.buildByMilliseconds(-1));
		}
		appender.addAppender(file);
		appender.start();
		return appender;
	}

	private static BuiltConfiguration log4jConfiguration(Path file) {
		ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
		builder.setConfigurationName("bench-" + file.getFileName());
		AppenderComponentBuilder appender = builder.newAppender("FILE", "File")
			.addAttribute("fileName", file.toString())
			.addAttribute("append", false)
			.addAttribute("immediateFlush", false)
			.add(builder.newLayout("JsonTemplateLayout")
				.addAttribute("eventTemplateUri", "classpath:LogstashJsonEventLayoutV1.json"));
		builder.add(appender);
		builder.add(builder.newRootLogger(org.apache.logging.log4j.Level.INFO).add(builder.newAppenderRef("FILE")));
		return builder.build();
	}

	/**
	 * The ways of logging compared.
	 */
	enum Variant {

		/** The starter's pipeline: Disruptor queue, batch flush, per-level overflow policy. */
		PIPELINE,

		/** Logback's {@code AsyncAppender} with its default policy. */
		LOGBACK_ASYNC,

		/** Logback's {@code AsyncAppender} with {@code neverBlock=true}. */
		LOGBACK_ASYNC_NEVER_BLOCK,

		/** logstash-logback-encoder's Disruptor-based {@code LoggingEventAsyncDisruptorAppender}. */
		LOGSTASH_DISRUPTOR,

		/** The file appender on the caller's thread. */
		SYNC,

		/** Log4j2 all-async loggers with {@code JsonTemplateLayout}, as the outside reference. */
		LOG4J2_ASYNC;

		/**
		 * Whether the file is flushed once per batch: by the pipeline and logstash's appender, which do it
		 * themselves. Logback's {@code AsyncAppender} and the synchronous appender keep the file appender's
		 * default of flushing every event, as they would in an application.
		 */
		boolean flushesPerBatch() {
			return this == PIPELINE || this == LOGSTASH_DISRUPTOR;
		}

	}

}
