package io.github.structuredlogging.benchmarks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark thread's event numbers, so that the events differ as in an application, and the count of events it
 * logged, so that a benchmark can compare what the callers logged with what reached the file.
 */
@State(Scope.Thread)
public class Callers {

	/** Every caller of the running trial; a JMH fork runs one trial of one benchmark. */
	private static final Queue<Callers> ALL = new ConcurrentLinkedQueue<>();

	private long logged;

	@Setup
	public void register() {
		ALL.add(this);
	}

	long next() {
		return this.logged++;
	}

	/**
	 * Events logged by every caller so far.
	 * @return the sum over callers
	 */
	static long totalLogged() {
		return ALL.stream().mapToLong((caller) -> caller.logged).sum();
	}

}
