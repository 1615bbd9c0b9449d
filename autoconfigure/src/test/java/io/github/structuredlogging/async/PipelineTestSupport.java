package io.github.structuredlogging.async;

import java.io.OutputStream;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.support.LoggerContexts;

/**
 * Builds pipelines in a logger context of their own, with the starter's JSON encoder, so that tests of the
 * pipeline's mechanics neither disturb nor depend on the JVM-wide logging of other tests.
 */
final class PipelineTestSupport {

	private PipelineTestSupport() {
	}

	static LoggerContext newContext() {
		return LoggerContexts.started("pipeline-test");
	}

	static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
		Encoder<ILoggingEvent> encoder = new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "pipeline-test")
			.create(context);
		encoder.start();
		return encoder;
	}

	static OutputStreamAppender<ILoggingEvent> output(LoggerContext context, String name, OutputStream stream) {
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setName(name);
		appender.setEncoder(jsonEncoder(context));
		appender.setOutputStream(stream);
		appender.start();
		return appender;
	}

}
