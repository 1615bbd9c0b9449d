package io.github.structuredlogging.performance;

/**
 * One measured call of an operation.
 *
 * @param operation the operation name
 * @param outcome how the call ended
 * @param durationNanos how long it took, to completion for asynchronous results
 * @param failure what it failed with, or {@code null}
 */
public record OperationMeasurement(String operation, Outcome outcome, long durationNanos, Throwable failure) {
}
