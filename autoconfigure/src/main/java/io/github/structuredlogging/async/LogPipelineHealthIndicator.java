package io.github.structuredlogging.async;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.destination.DestinationOutput;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN when a log pipeline no longer writes (its writer thread is dead, or it is stopped while still attached); UP
 * otherwise, with {@code degraded: true} when an output is failing, when a destination is down (its details say
 * since when), or when, over the configured window, more than the configured fraction of accepted events were
 * dropped.
 */
public class LogPipelineHealthIndicator extends AbstractHealthIndicator {

	private final LoggerContext context;

	private final double dropRatioThreshold;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Sample>> history = new LinkedHashMap<>();

	public LogPipelineHealthIndicator(LoggerContext context, AsyncProperties.Health properties) {
		this(context, properties.getDropRatioThreshold(), properties.getWindow(), Clock.systemUTC());
	}

	LogPipelineHealthIndicator(LoggerContext context, double dropRatioThreshold, Duration window, Clock clock) {
		super("Log pipeline health check failed");
		this.context = context;
		this.dropRatioThreshold = dropRatioThreshold;
		this.window = window;
		this.clock = clock;
	}

	@Override
	protected synchronized void doHealthCheck(Health.Builder builder) {
		List<LogPipelineAppender> pipelines = LogPipelines.find(this.context);
		builder.up();
		for (LogPipelineAppender pipeline : pipelines) {
			ConsumerState state = pipeline.getConsumerState();
			double dropRatio = recentDropRatio(pipeline);
			Map<String, Object> destinations = destinationDetails(pipeline);
			boolean destinationDown = destinations.values()
				.stream()
				.anyMatch((details) -> ((Map<?, ?>) details).get("downSince") != null);
			boolean degraded = state == ConsumerState.OUTPUT_FAILING || dropRatio > this.dropRatioThreshold
					|| destinationDown;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("consumer", state);
			details.put("queueSize", pipeline.getQueueLength());
			details.put("queueCapacity", pipeline.getQueueSize());
			details.put("recentDropRatio", dropRatio);
			details.put("degraded", degraded);
			if (!destinations.isEmpty()) {
				details.put("destinations", destinations);
			}
			builder.withDetail(pipeline.getName(), details);
			if (state == ConsumerState.DEAD || state == ConsumerState.STOPPED) {
				builder.down();
			}
		}
	}

	/**
	 * Per destination: whether it is connected, and since when it is down (deliveries failing).
	 */
	private static Map<String, Object> destinationDetails(LogPipelineAppender pipeline) {
		Map<String, Object> destinations = new LinkedHashMap<>();
		for (PipelineOutput output : pipeline.getOutputs()) {
			if (output instanceof DestinationOutput destination) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("connected", destination.isConnected());
				details.put("downSince", destination.getDownSince());
				details.put("bufferSize", destination.getBufferSize());
				details.put("spillBytes", destination.getSpillBytes());
				destinations.put(destination.name(), details);
			}
		}
		return destinations;
	}

	/**
	 * Fraction of events accepted since the oldest sample within the window that were dropped.
	 */
	private double recentDropRatio(LogPipelineAppender pipeline) {
		long now = this.clock.millis();
		Deque<Sample> samples = this.history.computeIfAbsent(pipeline.getName(), (name) -> new ArrayDeque<>());
		Sample current = new Sample(now, pipeline.getTotalAccepted(), pipeline.getTotalDropped());
		if (!samples.isEmpty() && samples.peekLast().accepted() > current.accepted()) {
			// A new pipeline of the same name after Logback was reconfigured: its counts start again.
			samples.clear();
		}
		samples.addLast(current);
		while (samples.size() > 1 && now - samples.peekFirst().millis() > this.window.toMillis()) {
			samples.removeFirst();
		}
		Sample oldest = samples.peekFirst();
		if (oldest == current) {
			return (current.accepted() > 0) ? (double) current.dropped() / current.accepted() : 0.0;
		}
		long accepted = current.accepted() - oldest.accepted();
		return (accepted > 0) ? (double) (current.dropped() - oldest.dropped()) / accepted : 0.0;
	}

	private record Sample(long millis, long accepted, long dropped) {
	}

}
