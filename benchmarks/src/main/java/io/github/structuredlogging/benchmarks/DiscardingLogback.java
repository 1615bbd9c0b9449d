package io.github.structuredlogging.benchmarks;

import java.io.OutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback as the starter does (its JSON encoder on the root logger) but writes the encoded bytes to a
 * stream that discards them, so a benchmark measures the logging API and the encoding, not a terminal or a disk.
 */
final class DiscardingLogback {

	private DiscardingLogback() {
	}

	static LoggerContext configure(Level rootLevel) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		LogstashEncoder encoder = new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "benchmark").create(context);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setName("DISCARD");
		appender.setEncoder(encoder);
		appender.setOutputStream(OutputStream.nullOutputStream());
		appender.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		root.setLevel(rootLevel);
		return context;
	}

}
