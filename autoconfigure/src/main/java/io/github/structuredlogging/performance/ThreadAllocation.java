package io.github.structuredlogging.performance;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, as counted by HotSpot's per-thread allocation counter: cheap to read and
 * unaffected by what other threads allocate, unlike heap usage or RSS.
 */
final class ThreadAllocation {

	private static final com.sun.management.ThreadMXBean THREADS = threads();

	private ThreadAllocation() {
	}

	private static com.sun.management.ThreadMXBean threads() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
			return threads;
		}
		return null;
	}

	/**
	 * Bytes allocated by the current thread so far.
	 * @return the count, or -1 when the JVM does not count them
	 */
	static long current() {
		return (THREADS != null) ? THREADS.getCurrentThreadAllocatedBytes() : -1;
	}

}
