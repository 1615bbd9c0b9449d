package io.github.structuredlogging.async;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.github.structuredlogging.sampling.EventSampler;

/**
 * Static helpers to put log pipelines in place and to find them again. The logging system builds the pipeline long
 * before any bean exists, so metrics, the Actuator endpoint and the health indicator look it up in the
 * {@link LoggerContext}, as Micrometer's {@code LogbackMetrics} does with its turbo filter.
 */
public final class LogPipelines {

	private LogPipelines() {
	}

	/**
	 * Moves the named appenders of the root logger behind a new, started pipeline attached to the root logger in
	 * their place.
	 * @param context the logger context
	 * @param outputNames names of the root appenders to move
	 * @param properties the pipeline settings
	 * @param sampler the sampler for DEBUG and INFO events
	 * @param destinations further outputs behind the pipeline, such as destinations with buffers of their own
	 * @return the pipeline, or {@code null} when there is no output: neither a named root appender nor a
	 * destination
	 */
	public static LogPipelineAppender wrapRootAppenders(LoggerContext context, Set<String> outputNames,
			AsyncProperties properties, EventSampler sampler, List<? extends PipelineOutput> destinations) {
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(context);
		pipeline.setQueueSize(properties.getQueueSize());
		pipeline.setDropLevel(Level.toLevel(properties.getDropLevel().name()));
		pipeline.setAppendTimeout(properties.getAppendTimeout());
		pipeline.setDrainTimeout(properties.getDrainTimeout());
		pipeline.setRetryInterval(properties.getRetryInterval());
		pipeline.setFallbackTarget(properties.getFallbackTarget());
		pipeline.setSampler(sampler);
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Appender<ILoggingEvent>> outputs = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
			Appender<ILoggingEvent> appender = it.next();
			if (outputNames.contains(appender.getName())) {
				outputs.add(appender);
			}
		}
		if (outputs.isEmpty() && destinations.isEmpty()) {
			return null;
		}
		for (Appender<ILoggingEvent> output : outputs) {
			root.detachAppender(output);
			pipeline.addAppender(output);
		}
		destinations.forEach(pipeline::addOutput);
		pipeline.start();
		root.addAppender(pipeline);
		return pipeline;
	}

	/**
	 * The pipelines attached to any logger of the context, the root logger's first. A stopped pipeline that is still
	 * attached is included: events sent to it are lost, which its state must show.
	 * @param context the logger context
	 * @return the pipelines, possibly none
	 */
	public static List<LogPipelineAppender> find(LoggerContext context) {
		List<LogPipelineAppender> pipelines = new ArrayList<>();
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
				if (it.next() instanceof LogPipelineAppender pipeline && !pipelines.contains(pipeline)) {
					pipelines.add(pipeline);
				}
			}
		}
		return pipelines;
	}

	/**
	 * One line describing the pipeline's effective settings, for the start-up log.
	 * @param pipeline the pipeline
	 * @return the description
	 */
	public static String describe(LogPipelineAppender pipeline) {
		return "outputs=" + pipeline.getOutputNames() + " queue-size=" + pipeline.getQueueSize() + " drop-level="
				+ pipeline.getDropLevel() + " append-timeout=" + pipeline.getAppendTimeout().toMillis() + "ms"
				+ " drain-timeout=" + pipeline.getDrainTimeout().toMillis() + "ms retry-interval="
				+ pipeline.getRetryInterval().toMillis() + "ms fallback-target=" + pipeline.getFallbackTarget()
				+ " sampling=" + pipeline.getSampler();
	}

}
