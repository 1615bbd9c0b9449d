package io.github.structuredlogging.destination;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LevelCounters;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import io.github.structuredlogging.async.PipelineOutput;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of every destination behind the log pipelines of a {@link LoggerContext}, tagged
 * {@code appender} (the pipeline) and {@code destination}:
 * <ul>
 * <li>{@code logging.events.delivered}, {@code logging.events.dropped}: counters tagged by {@code level};</li>
 * <li>{@code logging.destination.buffer.size}, {@code logging.destination.spill.bytes}: gauges over the memory
 * buffer and the spill file;</li>
 * <li>{@code logging.destination.connected}: 1 while the destination holds a working connection, 0 otherwise.</li>
 * </ul>
 */
public class DestinationMetrics implements MeterBinder {

	private final LoggerContext context;

	public DestinationMetrics(LoggerContext context) {
		this.context = context;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (LogPipelineAppender pipeline : LogPipelines.find(this.context)) {
			for (PipelineOutput output : pipeline.getOutputs()) {
				if (output instanceof DestinationOutput destination) {
					bindTo(registry, Tags.of("appender", pipeline.getName(), "destination", destination.name()),
							destination);
				}
			}
		}
	}

	private void bindTo(MeterRegistry registry, Tags tags, DestinationOutput destination) {
		for (Level level : LevelCounters.LEVELS) {
			Tags levelTags = tags.and("level", level.toString().toLowerCase(Locale.ROOT));
			FunctionCounter.builder("logging.events.delivered", destination, (d) -> d.getDelivered(level))
				.tags(levelTags)
				.description("Events the destination reported delivered")
				.baseUnit("events")
				.register(registry);
			FunctionCounter.builder("logging.events.dropped", destination, (d) -> d.getDropped(level))
				.tags(levelTags)
				.description("Events dropped because the queue was full or the output failed")
				.baseUnit("events")
				.register(registry);
		}
		gauge(registry, "logging.destination.buffer.size", "Events waiting in the destination's memory buffer",
				"events", destination, DestinationOutput::getBufferSize, tags);
		gauge(registry, "logging.destination.spill.bytes", "Bytes of events waiting in the destination's spill file",
				"bytes", destination, DestinationOutput::getSpillBytes, tags);
		gauge(registry, "logging.destination.connected",
				"Whether the destination holds a working connection (1) or not (0)", null, destination,
				(d) -> d.isConnected() ? 1 : 0, tags);
	}

	private static void gauge(MeterRegistry registry, String name, String description, String unit,
			DestinationOutput destination, ToDoubleFunction<DestinationOutput> value, Tags tags) {
		Gauge.builder(name, destination, value).tags(tags).description(description).baseUnit(unit).register(registry);
	}

}
