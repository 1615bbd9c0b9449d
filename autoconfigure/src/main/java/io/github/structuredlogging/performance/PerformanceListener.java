package io.github.structuredlogging.performance;

/**
 * Told of every measured call, whether or not its log line is written; how metrics plug in.
 */
@FunctionalInterface
public interface PerformanceListener {

	/**
	 * Called once per call, on the thread that completed it.
	 * @param measurement the measured call
	 */
	void onMeasured(OperationMeasurement measurement);

}
