package io.github.structuredlogging.destination.kafka;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import io.github.structuredlogging.async.PipelineOutput;
import io.github.structuredlogging.destination.DestinationOutput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Binds the producer's own metrics ({@code kafka.producer.*}: record send rate, batch size, buffer available
 * bytes, request latency, ...) of every Kafka destination through Micrometer's {@link KafkaClientMetrics}, tagged
 * {@code appender} and {@code destination} like the destination's other meters.
 */
public class KafkaDestinationMetrics implements MeterBinder, AutoCloseable {

	private final LoggerContext context;

	private final List<KafkaClientMetrics> bound = new ArrayList<>();

	public KafkaDestinationMetrics(LoggerContext context) {
		this.context = context;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (LogPipelineAppender pipeline : LogPipelines.find(this.context)) {
			for (PipelineOutput output : pipeline.getOutputs()) {
				if (output instanceof DestinationOutput destination
						&& destination.getDestination() instanceof KafkaDestination kafka) {
					KafkaClientMetrics metrics = new KafkaClientMetrics(kafka.getProducer(),
							Tags.of("appender", pipeline.getName(), "destination", destination.name()));
					metrics.bindTo(registry);
					this.bound.add(metrics);
				}
			}
		}
	}

	@Override
	public void close() {
		this.bound.forEach(KafkaClientMetrics::close);
		this.bound.clear();
	}

}
