package io.github.structuredlogging.async;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * One preallocated slot of the ring buffer.
 */
final class EventSlot {

	ILoggingEvent event;

}
