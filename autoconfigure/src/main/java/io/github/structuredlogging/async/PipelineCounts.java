package io.github.structuredlogging.async;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of every event the pipeline accepted, per level. Once the queue is drained,
 * {@code accepted = written + dropped + sampled + filtered} holds for every level; {@code fallback} is the part of
 * {@code written} that bypassed the queue or the failing outputs.
 */
final class PipelineCounts {

	final LevelCounters accepted = new LevelCounters();

	final LevelCounters written = new LevelCounters();

	final LevelCounters dropped = new LevelCounters();

	final LevelCounters sampled = new LevelCounters();

	final LevelCounters fallback = new LevelCounters();

	final LevelCounters filtered = new LevelCounters();

	/** The part of {@code dropped} still queued when the drain deadline passed. */
	final LevelCounters unwrittenAtDeadline = new LevelCounters();

	final LongAdder outputFailures = new LongAdder();

	long inFlight() {
		return this.accepted.total() - this.written.total() - this.dropped.total() - this.sampled.total()
				- this.filtered.total();
	}

	Map<String, Map<String, Long>> asMap() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		counts.put("accepted", this.accepted.asMap());
		counts.put("written", this.written.asMap());
		counts.put("dropped", this.dropped.asMap());
		counts.put("sampled", this.sampled.asMap());
		counts.put("filtered", this.filtered.asMap());
		counts.put("fallback", this.fallback.asMap());
		return counts;
	}

	/**
	 * The line written to stderr on stop when events were lost.
	 * @param pipelineName the pipeline's name
	 * @param drainTimeout the drain timeout in effect
	 * @return the line, or {@code null} when nothing was dropped
	 */
	String lossSummary(String pipelineName, Duration drainTimeout) {
		if (this.dropped.total() == 0) {
			return null;
		}
		StringBuilder line = new StringBuilder(LogPipelineAppender.SUMMARY_PREFIX).append(pipelineName)
			.append(" stopped; not written:");
		line.append(" dropped=").append(this.dropped.asMap());
		line.append(" (at the ").append(drainTimeout.toMillis()).append(" ms drain deadline: ")
			.append(this.unwrittenAtDeadline.asMap()).append(')');
		line.append(" sampled=").append(this.sampled.asMap());
		line.append(" filtered=").append(this.filtered.asMap());
		line.append("; accepted=").append(this.accepted.asMap());
		line.append(" written=").append(this.written.asMap());
		line.append(" fallback=").append(this.fallback.asMap());
		return line.toString();
	}

}
