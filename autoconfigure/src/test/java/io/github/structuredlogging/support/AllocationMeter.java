package io.github.structuredlogging.support;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Bytes allocated per event by a piece of logging code, read from the JVM's per-thread allocation counters
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Unlike time, allocation does not depend on how
 * busy the machine is, so a budget on it can fail a build without flaking. What the JIT has compiled does matter
 * (compiled code keeps some objects off the heap), and on a busy machine compiling takes a while, so rounds are
 * repeated until the figure stops falling; then the least of a few more rounds is the result, since a round can
 * only allocate more than the code itself does (a class loaded late, a buffer grown once).
 */
public final class AllocationMeter {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final int ROUNDS = 5;

	private static final int MAX_WARM_UP_ROUNDS = 100;

	private AllocationMeter() {
	}

	/**
	 * Measures bytes per event.
	 * @param events events per round
	 * @param threads the threads whose allocation counts (the caller and, for asynchronous code, its writer)
	 * @param run runs {@code events} events and returns once they are completely handled
	 * @return the fewest bytes per event of any round
	 */
	public static double bytesPerEvent(int events, List<Thread> threads, Runnable run) {
		LongSupplier allocated = () -> threads.stream()
			.mapToLong((thread) -> THREADS.getThreadAllocatedBytes(thread.getId()))
			.sum();
		double least = Double.MAX_VALUE;
		int notFalling = 0;
		for (int round = 0; round < MAX_WARM_UP_ROUNDS && notFalling < ROUNDS; round++) {
			double bytes = round(events, allocated, run);
			notFalling = (bytes > least * 0.99) ? notFalling + 1 : 0;
			least = Math.min(least, bytes);
		}
		for (int round = 0; round < ROUNDS; round++) {
			least = Math.min(least, round(events, allocated, run));
		}
		return least;
	}

	private static double round(int events, LongSupplier allocated, Runnable run) {
		long before = allocated.getAsLong();
		run.run();
		return (double) (allocated.getAsLong() - before) / events;
	}

}
