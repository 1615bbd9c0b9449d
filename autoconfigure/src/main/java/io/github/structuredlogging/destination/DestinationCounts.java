package io.github.structuredlogging.destination;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.async.LevelCounters;

/**
 * What became of the events the pipeline offered one destination, per level. Once its memory buffer is empty,
 * {@code accepted = delivered + dropped + spilled + filtered} holds for every level, where {@code spilled} counts
 * the events waiting in the spill file (spilled and not yet delivered).
 */
final class DestinationCounts {

	final LevelCounters accepted = new LevelCounters();

	final LevelCounters filtered = new LevelCounters();

	final LevelCounters delivered = new LevelCounters();

	final LevelCounters dropped = new LevelCounters();

	final LevelCounters spilled = new LevelCounters();

	/** Events a previous process left in the spill file, counted as accepted by this one. */
	final LevelCounters recovered = new LevelCounters();

	Map<String, Map<String, Long>> asMap() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		counts.put("accepted", this.accepted.asMap());
		counts.put("delivered", this.delivered.asMap());
		counts.put("dropped", this.dropped.asMap());
		counts.put("spilled", this.spilled.asMap());
		counts.put("filtered", this.filtered.asMap());
		counts.put("recovered", this.recovered.asMap());
		return counts;
	}

}
