package io.github.structuredlogging.destination;

import ch.qos.logback.classic.Level;

/**
 * One framed event waiting for its destination, in memory or in the spill file.
 *
 * @param level the event's level, which decides whether it may be spilled or dropped
 * @param bytes the record as the destination framed it
 * @param spilled whether the record was read from the spill file, whose read position advances once it is delivered
 */
record OutboundRecord(Level level, byte[] bytes, boolean spilled) {

}
