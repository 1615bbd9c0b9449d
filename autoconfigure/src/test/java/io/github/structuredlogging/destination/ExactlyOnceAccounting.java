package io.github.structuredlogging.destination;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.async.LevelCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outage test of an exactly-once destination proves, level by level, from what was logged and what the
 * receiver (or the file) really holds, by sequence number.
 */
public final class ExactlyOnceAccounting {

	private ExactlyOnceAccounting() {
	}

	/**
	 * Asserts that no record arrived twice, every WARN and ERROR arrived, the destination's counts add up
	 * ({@code accepted = delivered + dropped + spilled + buffered + filtered}, accepted = logged, delivered =
	 * received, nothing left buffered), and
	 * the outage overflowed the memory buffer without dropping anything at WARN or above.
	 * @param destination the destination, drained
	 * @param logged sequence numbers logged, per level
	 * @param received sequence numbers received, per level, in arrival order
	 */
	public static void assertExact(DestinationOutput destination, Map<Level, List<Integer>> logged,
			Map<Level, List<Integer>> received) {
		for (Level level : LevelCounters.LEVELS) {
			List<Integer> got = received.getOrDefault(level, List.of());
			Set<Integer> seen = new HashSet<>();
			List<Integer> twice = got.stream().filter((seq) -> !seen.add(seq)).toList();
			assertThat(twice).as("%s sequence numbers received twice", level).isEmpty();
			if (level.isGreaterOrEqual(Level.WARN)) {
				Set<Integer> missing = new TreeSet<>(logged.get(level));
				missing.removeAll(seen);
				assertThat(missing).as("%s sequence numbers never received (%d)", level, missing.size()).isEmpty();
			}
			assertThat(destination.getAccepted(level))
				.as("%s accepted = delivered + dropped + spilled + buffered + filtered", level)
				.isEqualTo(destination.getDelivered(level) + destination.getDropped(level)
						+ destination.getSpilled(level) + destination.getBuffered(level)
						+ destination.getFiltered(level));
			assertThat(destination.getBuffered(level)).as("%s still buffered once drained", level).isZero();
			assertThat(destination.getAccepted(level)).isEqualTo(logged.getOrDefault(level, List.of()).size());
			assertThat(got).as("%s records received: exactly those counted delivered", level)
				.hasSize((int) destination.getDelivered(level));
		}
		assertThat(destination.getDropped(Level.INFO)).as("the outage really overflowed the memory buffer")
			.isPositive();
		assertThat(destination.getDropped(Level.WARN) + destination.getDropped(Level.ERROR)).isZero();
	}

}
