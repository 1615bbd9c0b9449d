package io.github.structuredlogging.async;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The outputs behind a pipeline, whether they currently fail, and the fallback target that takes the events that
 * must not be lost while they do.
 */
final class PipelineOutputs {

	private static final String FALLBACK_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %level [%thread] %logger : %msg%n%throwable";

	private final LogPipelineAppender pipeline;

	private final PipelineCounts counts;

	/**
	 * Replaced whole on every change, like a copy-on-write list, but read by index: the writer loops over it for
	 * every event, and an array makes no iterator each time.
	 */
	private volatile PipelineOutput[] outputs = {};

	private final Object fallbackLock = new Object();

	private Encoder<ILoggingEvent> fallbackEncoder;

	private volatile boolean failing;

	private volatile Throwable lastFailure;

	private volatile long nextRetryNanos;

	PipelineOutputs(LogPipelineAppender pipeline, PipelineCounts counts) {
		this.pipeline = pipeline;
		this.counts = counts;
	}

	synchronized void add(PipelineOutput output) {
		PipelineOutput[] added = Arrays.copyOf(this.outputs, this.outputs.length + 1);
		added[added.length - 1] = output;
		this.outputs = added;
	}

	synchronized void removeIf(Predicate<PipelineOutput> filter) {
		this.outputs = Arrays.stream(this.outputs).filter(filter.negate()).toArray(PipelineOutput[]::new);
	}

	synchronized void clear() {
		this.outputs = new PipelineOutput[0];
	}

	boolean isEmpty() {
		return this.outputs.length == 0;
	}

	List<PipelineOutput> list() {
		return List.of(this.outputs);
	}

	List<String> names() {
		List<String> names = new ArrayList<>();
		for (PipelineOutput output : this.outputs) {
			names.add(output.name());
		}
		return names;
	}

	/**
	 * Writes the event to every output that accepts it.
	 * @return what became of the event; on failure the outputs are marked failing
	 */
	WriteOutcome write(ILoggingEvent event) {
		Throwable failure = null;
		boolean accepted = false;
		for (PipelineOutput output : this.outputs) {
			if (output.accepts(event)) {
				accepted = true;
				Throwable outputFailure = output.write(event);
				if (outputFailure != null) {
					failure = outputFailure;
				}
			}
			else {
				output.refused(event);
			}
		}
		if (failure != null) {
			failed(failure);
			return WriteOutcome.FAILED;
		}
		return accepted ? WriteOutcome.WRITTEN : WriteOutcome.FILTERED;
	}

	/**
	 * Writes the event to the outputs that buffer on their own, while the others fail and are held back.
	 * @param event the event
	 */
	void writeToSelfBuffering(ILoggingEvent event) {
		for (PipelineOutput output : this.outputs) {
			if (output.buffersOnItsOwn()) {
				if (output.accepts(event)) {
					output.write(event);
				}
				else {
					output.refused(event);
				}
			}
		}
	}

	boolean acceptedByAny(ILoggingEvent event) {
		for (PipelineOutput output : this.outputs) {
			if (output.accepts(event)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Flushes every output.
	 * @return whether all flushes succeeded; on failure the outputs are marked failing
	 */
	boolean flush() {
		boolean flushed = true;
		for (PipelineOutput output : this.outputs) {
			Throwable failure = output.flush();
			if (failure != null) {
				failed(failure);
				flushed = false;
			}
		}
		return flushed;
	}

	boolean isFailing() {
		return this.failing;
	}

	Throwable lastFailure() {
		return this.lastFailure;
	}

	/**
	 * Whether failing outputs may be tried again; if so, they are made ready for it and the next retry is scheduled.
	 * @return {@code false} while the retry interval has not passed
	 */
	boolean readyForRetry() {
		if (System.nanoTime() - this.nextRetryNanos < 0) {
			return false;
		}
		for (PipelineOutput output : this.outputs) {
			output.restartIfStopped();
		}
		this.nextRetryNanos = System.nanoTime() + this.pipeline.getRetryInterval().toNanos();
		return true;
	}

	void recovered() {
		this.failing = false;
		this.pipeline.addInfo("Output of log pipeline '" + this.pipeline.getName() + "' works again");
		this.pipeline.fire((listener) -> listener.outputRecovered(this.pipeline));
	}

	private void failed(Throwable failure) {
		this.counts.outputFailures.increment();
		this.lastFailure = failure;
		this.nextRetryNanos = System.nanoTime() + this.pipeline.getRetryInterval().toNanos();
		if (!this.failing) {
			this.failing = true;
			this.pipeline.addError("Output of log pipeline '" + this.pipeline.getName() + "' failed; events at "
					+ moreSevereThan(this.pipeline.getDropLevel()) + " and above go to "
					+ this.pipeline.getFallbackTarget() + ", less severe ones are dropped; retrying every "
					+ this.pipeline.getRetryInterval().toMillis() + " ms", failure);
			this.pipeline.fire((listener) -> listener.outputFailed(this.pipeline, failure));
		}
	}

	void writeToFallbackTarget(ILoggingEvent event) {
		byte[] bytes = this.fallbackEncoder.encode(event);
		synchronized (this.fallbackLock) {
			PrintStream stream = this.pipeline.getFallbackTarget().stream();
			stream.write(bytes, 0, bytes.length);
			stream.flush();
		}
	}

	void setFallbackEncoder(Encoder<ILoggingEvent> fallbackEncoder) {
		this.fallbackEncoder = fallbackEncoder;
	}

	/**
	 * Uses the encoder of the first output that writes to a stream, so the fallback lines look like the others,
	 * unless one was set.
	 */
	void useDefaultFallbackEncoderIfUnset() {
		if (this.fallbackEncoder != null) {
			return;
		}
		for (PipelineOutput output : this.outputs) {
			if (output instanceof AppenderOutput appenderOutput
					&& appenderOutput.appender() instanceof OutputStreamAppender<ILoggingEvent> streamAppender
					&& streamAppender.getEncoder() != null) {
				this.fallbackEncoder = streamAppender.getEncoder();
				return;
			}
		}
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.pipeline.getContext());
		encoder.setPattern(FALLBACK_PATTERN);
		encoder.start();
		this.fallbackEncoder = encoder;
	}

	void stop() {
		for (PipelineOutput output : this.outputs) {
			output.stop();
		}
	}

	static String moreSevereThan(Level dropLevel) {
		return (dropLevel.toInt() < Level.INFO_INT) ? "INFO" : "WARN";
	}

}
