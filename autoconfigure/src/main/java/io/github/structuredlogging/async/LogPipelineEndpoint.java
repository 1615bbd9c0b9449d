package io.github.structuredlogging.async;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.sampling.CountingSampler;
import io.github.structuredlogging.sampling.EventSampler;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/logpipeline}: the live state of every log pipeline, keyed by appender name. Counts are per
 * level and, once the queue is drained, add up: {@code accepted = written + dropped + sampled + filtered}, where
 * {@code filtered} counts events every output's own filters refused and {@code fallback} is the part of
 * {@code written} that bypassed the queue.
 */
@Endpoint(id = "logpipeline")
public class LogPipelineEndpoint {

	private final LoggerContext context;

	public LogPipelineEndpoint(LoggerContext context) {
		this.context = context;
	}

	@ReadOperation
	public LogPipelinesDescriptor pipelines() {
		Map<String, PipelineDescriptor> pipelines = new LinkedHashMap<>();
		for (LogPipelineAppender pipeline : LogPipelines.find(this.context)) {
			pipelines.put(pipeline.getName(), describe(pipeline));
		}
		return new LogPipelinesDescriptor(pipelines);
	}

	private static PipelineDescriptor describe(LogPipelineAppender pipeline) {
		Throwable lastFailure = pipeline.getLastFailure();
		Map<String, DestinationDescriptor> destinations = new LinkedHashMap<>();
		for (PipelineOutput output : pipeline.getOutputs()) {
			if (output instanceof DestinationOutput destination) {
				destinations.put(destination.name(), describe(destination));
			}
		}
		return new PipelineDescriptor(pipeline.getConsumerState(), pipeline.getOutputNames(),
				new QueueDescriptor(pipeline.getQueueLength(), pipeline.getQueueSize()), pipeline.getCounts(),
				pipeline.getInFlight(), pipeline.getOutputFailures(),
				(lastFailure != null) ? lastFailure.toString() : null, sampling(pipeline.getSampler()),
				new SettingsDescriptor(pipeline.getDropLevel().toString(), pipeline.getAppendTimeout().toString(),
						pipeline.getDrainTimeout().toString(), pipeline.getRetryInterval().toString(),
						pipeline.getFallbackTarget().name()),
				destinations);
	}

	private static DestinationDescriptor describe(DestinationOutput destination) {
		Throwable lastFailure = destination.getLastFailure();
		return new DestinationDescriptor(destination.isConnected(), destination.getDownSince(),
				(lastFailure != null) ? lastFailure.toString() : null,
				new QueueDescriptor(destination.getBufferSize(), destination.getBufferCapacity()),
				destination.getSpillBytes(), destination.getThreshold().toString(), destination.getCounts());
	}

	private static SamplingDescriptor sampling(EventSampler sampler) {
		if (sampler instanceof CountingSampler counting) {
			return new SamplingDescriptor(true, counting.rates().globalRate(), counting.rates().loggerRates());
		}
		return new SamplingDescriptor(false, 1.0, Map.of());
	}

	/**
	 * All pipelines.
	 *
	 * @param pipelines the pipelines by appender name
	 */
	public record LogPipelinesDescriptor(Map<String, PipelineDescriptor> pipelines) implements OperationResponseBody {
	}

	/**
	 * One pipeline.
	 *
	 * @param consumer state of the writer thread
	 * @param outputs names of the appenders behind the pipeline
	 * @param queue queue occupancy
	 * @param levels counts per kind (accepted, written, dropped, sampled, filtered, fallback), then per level
	 * @param inFlight accepted events not yet written, dropped, sampled or filtered
	 * @param outputFailures failed attempts to write to or flush an output
	 * @param lastFailure the latest output failure, if any
	 * @param sampling the effective sampling rates
	 * @param settings the effective overflow and shutdown settings
	 * @param destinations the destinations among the outputs, by name
	 */
	public record PipelineDescriptor(ConsumerState consumer, List<String> outputs, QueueDescriptor queue,
			Map<String, Map<String, Long>> levels, long inFlight, long outputFailures, String lastFailure,
			SamplingDescriptor sampling, SettingsDescriptor settings, Map<String, DestinationDescriptor> destinations) {
	}

	/**
	 * One destination. {@code accepted = delivered + dropped + spilled + buffered + filtered} holds per level, where
	 * {@code spilled} counts events waiting in the spill file and {@code buffered} those waiting in memory.
	 *
	 * @param connected whether it holds a working connection
	 * @param downSince when deliveries started failing, {@code null} while they work
	 * @param lastFailure the latest delivery failure, if any
	 * @param buffer occupancy of its memory buffer
	 * @param spillBytes bytes waiting in its spill file
	 * @param level least severe level it takes
	 * @param levels counts per kind (accepted, delivered, dropped, spilled, buffered, filtered, recovered), then per
	 *     level
	 */
	public record DestinationDescriptor(boolean connected, Instant downSince, String lastFailure,
			QueueDescriptor buffer, long spillBytes, String level, Map<String, Map<String, Long>> levels) {
	}

	/**
	 * Queue occupancy.
	 *
	 * @param size events queued now
	 * @param capacity maximum events queued
	 */
	public record QueueDescriptor(long size, int capacity) {
	}

	/**
	 * Effective sampling.
	 *
	 * @param enabled whether any event can be sampled out
	 * @param rate the rate of loggers without their own
	 * @param rates rates per logger
	 */
	public record SamplingDescriptor(boolean enabled, double rate, Map<String, Double> rates) {
	}

	/**
	 * Effective settings.
	 *
	 * @param dropLevel most severe level dropped when the queue is full
	 * @param appendTimeout longest wait of a caller for queue space
	 * @param drainTimeout time allowed to drain on stop
	 * @param retryInterval time between attempts on a failed output
	 * @param fallbackTarget where never-dropped events go while outputs fail
	 */
	public record SettingsDescriptor(String dropLevel, String appendTimeout, String drainTimeout,
			String retryInterval, String fallbackTarget) {
	}

}
