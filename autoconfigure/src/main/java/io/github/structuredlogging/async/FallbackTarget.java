package io.github.structuredlogging.async;

import java.io.PrintStream;

/**
 * Where events that must not be lost go while the outputs fail.
 */
public enum FallbackTarget {

	/** The process's standard error, which container platforms collect even when a log file cannot be written. */
	STDERR,

	/** The process's standard output. */
	STDOUT;

	/**
	 * The stream, looked up on each use so that a replaced {@code System.err} (for example by a test's output
	 * capture) is honoured.
	 * @return the stream
	 */
	PrintStream stream() {
		return (this == STDERR) ? System.err : System.out;
	}

}
