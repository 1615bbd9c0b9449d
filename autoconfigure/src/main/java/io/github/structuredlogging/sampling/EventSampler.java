package io.github.structuredlogging.sampling;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Decides which low-severity events are kept. The log pipeline asks only about events below WARN that already passed
 * their logger's level check, so a level changed at runtime (for example through {@code /actuator/loggers}) decides
 * first and an event switched off is never counted as sampled.
 */
@FunctionalInterface
public interface EventSampler {

	/**
	 * Whether to keep the event.
	 * @param event an event below WARN, enabled by its logger's level
	 * @return {@code true} to write the event, {@code false} to count it as sampled out
	 */
	boolean keep(ILoggingEvent event);

	/**
	 * A sampler that keeps every event.
	 * @return the sampler
	 */
	static EventSampler keepAll() {
		return KeepAll.INSTANCE;
	}

	/**
	 * The sampler that keeps everything, named so that the settings logged at start-up say so.
	 */
	enum KeepAll implements EventSampler {

		INSTANCE;

		@Override
		public boolean keep(ILoggingEvent event) {
			return true;
		}

		@Override
		public String toString() {
			return "off";
		}

	}

}
