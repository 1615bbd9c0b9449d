package io.github.structuredlogging.destination;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.async.LevelCounters;

/**
 * What became of the events the pipeline offered one destination, per level:
 * {@code accepted = delivered + dropped + spilled + buffered + filtered} holds for every level at any moment the
 * sender is not in the middle of reporting a record, where {@code spilled} counts the events waiting in the spill
 * file and {@code buffered} those waiting in memory or being sent from there. Once the memory buffer is empty,
 * {@code buffered} is 0.
 */
final class DestinationCounts {

	/** Prefix of the line written to stderr on stop when events were not delivered. */
	static final String SUMMARY_PREFIX = "structured-logging: destination ";

	final LevelCounters accepted = new LevelCounters();

	final LevelCounters filtered = new LevelCounters();

	final LevelCounters delivered = new LevelCounters();

	final LevelCounters dropped = new LevelCounters();

	final LevelCounters spilled = new LevelCounters();

	/** Events in the memory buffer or in the batch the sender is delivering from it. */
	final LevelCounters buffered = new LevelCounters();

	/** Events a previous process left in the spill file, counted as accepted by this one. */
	final LevelCounters recovered = new LevelCounters();

	/**
	 * The line written to stderr when the destination stops with events not delivered, so that a process's last
	 * words say what it did not ship.
	 * @param name the destination's name
	 * @return the line, or {@code null} when nothing was dropped and nothing waits in the spill file
	 */
	String lossSummary(String name) {
		if (this.dropped.total() == 0 && this.spilled.total() == 0) {
			return null;
		}
		return SUMMARY_PREFIX + name + " stopped; not delivered: dropped=" + this.dropped.asMap() + " spilled="
				+ this.spilled.asMap() + " (replayed on the next start); accepted=" + this.accepted.asMap()
				+ " delivered=" + this.delivered.asMap() + " filtered=" + this.filtered.asMap();
	}

	Map<String, Map<String, Long>> asMap() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		counts.put("accepted", this.accepted.asMap());
		counts.put("delivered", this.delivered.asMap());
		counts.put("dropped", this.dropped.asMap());
		counts.put("spilled", this.spilled.asMap());
		counts.put("buffered", this.buffered.asMap());
		counts.put("filtered", this.filtered.asMap());
		counts.put("recovered", this.recovered.asMap());
		return counts;
	}

}
