package io.github.structuredlogging.async;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of every log pipeline in a {@link LoggerContext}. Per-level totals of logged events are not
 * repeated here: Micrometer's {@code LogbackMetrics} ({@code logback.events}) counts them.
 * <ul>
 * <li>{@code logging.async.queue.size}, {@code logging.async.queue.capacity}: gauges over the live queue;</li>
 * <li>{@code logging.events.dropped}, {@code logging.events.sampled}, {@code logging.events.fallback}: counters
 * tagged by {@code level}; the dropped ones also by {@code destination}, {@value #QUEUE} here;</li>
 * <li>{@code logging.async.output.failures}: failed writes to an output;</li>
 * <li>{@code logging.async.batch.size}, {@code logging.async.flush}: events per batch and the time of the one flush
 * per batch.</li>
 * </ul>
 * Every meter carries an {@code appender} tag, the pipeline's name.
 */
public class LogPipelineMetrics implements MeterBinder, AutoCloseable {

	/**
	 * The {@code destination} tag of events dropped by the pipeline's queue itself, beside those dropped by each
	 * destination's own buffer.
	 */
	public static final String QUEUE = "queue";

	private final LoggerContext context;

	private final List<Registration> registrations = new ArrayList<>();

	public LogPipelineMetrics(LoggerContext context) {
		this.context = context;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (LogPipelineAppender pipeline : LogPipelines.find(this.context)) {
			bindTo(registry, pipeline);
		}
	}

	private void bindTo(MeterRegistry registry, LogPipelineAppender pipeline) {
		Tags tags = Tags.of("appender", pipeline.getName());
		Gauge.builder("logging.async.queue.size", pipeline, LogPipelineAppender::getQueueLength)
			.tags(tags)
			.description("Events waiting in the log pipeline's queue")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("logging.async.queue.capacity", pipeline, LogPipelineAppender::getQueueSize)
			.tags(tags)
			.description("Capacity of the log pipeline's queue")
			.baseUnit("events")
			.register(registry);
		for (Level level : LevelCounters.LEVELS) {
			Tags levelTags = tags.and("level", level.toString().toLowerCase(Locale.ROOT));
			counter(registry, "logging.events.dropped", "Events dropped because the queue was full or the output "
					+ "failed", pipeline, (p) -> p.getDropped(level), levelTags.and("destination", QUEUE));
			counter(registry, "logging.events.sampled", "Events left out by sampling", pipeline,
					(p) -> p.getSampled(level), levelTags);
			counter(registry, "logging.events.fallback", "Events written on the caller's thread or to the fallback "
					+ "target instead of through the queue", pipeline, (p) -> p.getFallback(level), levelTags);
		}
		counter(registry, "logging.async.output.failures", "Failed attempts to write to or flush an output",
				pipeline, LogPipelineAppender::getOutputFailures, tags);
		DistributionSummary batchSize = DistributionSummary.builder("logging.async.batch.size")
			.tags(tags)
			.description("Events written per batch, flushed once")
			.baseUnit("events")
			.register(registry);
		Timer flush = Timer.builder("logging.async.flush")
			.tags(tags)
			.description("Time to flush the outputs at the end of a batch")
			.register(registry);
		LogPipelineListener listener = new LogPipelineListener() {

			@Override
			public void batchWritten(LogPipelineAppender appender, long size, long flushNanos) {
				batchSize.record(size);
				flush.record(flushNanos, TimeUnit.NANOSECONDS);
			}

		};
		pipeline.addListener(listener);
		this.registrations.add(new Registration(pipeline, listener));
	}

	private static void counter(MeterRegistry registry, String name, String description,
			LogPipelineAppender pipeline, ToLongFunction<LogPipelineAppender> count, Tags tags) {
		FunctionCounter.builder(name, pipeline, (p) -> count.applyAsLong(p))
			.tags(tags)
			.description(description)
			.baseUnit("events")
			.register(registry);
	}

	@Override
	public void close() {
		this.registrations.forEach((registration) -> registration.pipeline().removeListener(registration.listener()));
		this.registrations.clear();
	}

	private record Registration(LogPipelineAppender pipeline, LogPipelineListener listener) {
	}

}
