package io.github.structuredlogging.async;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;

/**
 * One counter per Logback level, cheap to increment from many threads at once.
 */
public final class LevelCounters {

	/** The levels an event can have, from least to most severe. */
	public static final List<Level> LEVELS = List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);

	private final LongAdder[] counters = new LongAdder[LEVELS.size()];

	public LevelCounters() {
		for (int i = 0; i < this.counters.length; i++) {
			this.counters[i] = new LongAdder();
		}
	}

	public void increment(Level level) {
		this.counters[index(level)].increment();
	}

	public void add(Level level, long count) {
		this.counters[index(level)].add(count);
	}

	public long get(Level level) {
		return this.counters[index(level)].sum();
	}

	public long total() {
		long total = 0;
		for (LongAdder counter : this.counters) {
			total += counter.sum();
		}
		return total;
	}

	public Map<String, Long> asMap() {
		Map<String, Long> map = new LinkedHashMap<>();
		for (Level level : LEVELS) {
			map.put(level.toString(), get(level));
		}
		return map;
	}

	static int index(Level level) {
		return switch (level.toInt()) {
			case Level.TRACE_INT -> 0;
			case Level.DEBUG_INT -> 1;
			case Level.INFO_INT -> 2;
			case Level.WARN_INT -> 3;
			default -> 4;
		};
	}

}
