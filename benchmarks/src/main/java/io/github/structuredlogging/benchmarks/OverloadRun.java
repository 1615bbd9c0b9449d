package io.github.structuredlogging.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drop fraction at twice the sustainable rate, for the tuned variants that may drop: first each variant's writer rate is
 * measured with callers waiting for space (zero drops, after a warm-up pass over all variants), then one caller offers events at twice that rate for a few
 * seconds with the variant's own non-blocking policy, and the lines in the file are counted after the drain.
 * Not a JMH benchmark because the offered rate, not the caller's speed, is the variable.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.structuredlogging.benchmarks.OverloadRun [seconds]}
 */
public final class OverloadRun {

	private OverloadRun() {
	}

	public static void main(String[] args) {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		LoggingSetup.Variant[] variants = { LoggingSetup.Variant.PIPELINE, LoggingSetup.Variant.LOGBACK_ASYNC_TUNED,
				LoggingSetup.Variant.LOGBACK_ASYNC_NEVER_BLOCK_TUNED, LoggingSetup.Variant.LOGSTASH_DISRUPTOR_TUNED };
		// A first pass over every variant warms the JIT up (the JSON encoder above all): none is measured cold.
		for (LoggingSetup.Variant variant : variants) {
			sustainedRate(variant, seconds);
		}
		System.out.println("variant, sustained events/s (zero drops), offered events/s, written, drop fraction");
		for (LoggingSetup.Variant variant : variants) {
			double sustained = sustainedRate(variant, seconds);
			double offered = 2 * sustained;
			LoggingSetup setup = new LoggingSetup(variant, false);
			long events = (long) (offered * seconds);
			long start = System.nanoTime();
			long batch = 100;
			for (long i = 0; i < events; i++) {
				setup.log(i);
				if (i % batch == batch - 1) {
					long due = start + (long) ((i + 1) * 1e9 / offered);
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
				}
			}
			double actualOffered = events / ((System.nanoTime() - start) / 1e9);
			long written = setup.linesWritten();
			setup.delete();
			System.out.printf(Locale.ROOT, "%s, %.0f, %.0f, %d, %.3f%n", variant, sustained, actualOffered, written,
					1.0 - (double) written / events);
		}
	}

	private static double sustainedRate(LoggingSetup.Variant variant, int seconds) {
		// neverBlock cannot wait for space; the same appender with the default policy measures its writer.
		LoggingSetup setup = new LoggingSetup(variant == LoggingSetup.Variant.LOGBACK_ASYNC_NEVER_BLOCK_TUNED
				? LoggingSetup.Variant.LOGBACK_ASYNC_TUNED : variant, true);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		long i = 0;
		while (System.nanoTime() - deadline < 0) {
			setup.log(i++);
		}
		long written = setup.linesWritten();
		double rate = written / ((System.nanoTime() - start) / 1e9);
		setup.delete();
		return rate;
	}

}
