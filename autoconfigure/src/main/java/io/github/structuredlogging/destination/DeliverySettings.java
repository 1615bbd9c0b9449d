package io.github.structuredlogging.destination;

import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.Level;

/**
 * How the pipeline buffers and retries for one destination; the same vocabulary for every destination.
 *
 * @param maxEvents capacity of the memory buffer, in events
 * @param batchSize most records handed to the destination in one {@link LogDestination#send} call
 * @param spillFile the spill file, or {@code null} for none (events beyond the memory buffer are then dropped)
 * @param spillLevel least severe level that is spilled rather than dropped when the memory buffer is full
 * @param maxSpillBytes the most bytes the spill file may hold; events beyond are dropped and counted
 * @param initialBackoff wait before the first retry of a failed batch, doubled on each further failure
 * @param maxBackoff the longest wait between retries
 * @param deliveryTimeout how long a batch may stay unreported before its records count as failed
 * @param drainTimeout how long the destination may take, on stop, to deliver what it still buffers
 */
public record DeliverySettings(int maxEvents, int batchSize, Path spillFile, Level spillLevel, long maxSpillBytes,
		Duration initialBackoff, Duration maxBackoff, Duration deliveryTimeout, Duration drainTimeout) {

}
