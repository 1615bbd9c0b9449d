package io.github.structuredlogging.event;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

import org.springframework.util.Assert;

/**
 * Writes domain events (an order placed, a routine generated) to their own logger, so they can be routed, kept or
 * leveled apart from diagnostic logging. Each event is one INFO line whose message is the event type, with the type
 * also in its own field and the event's data as top-level fields.
 * <p>
 * Two forms: fluent, {@code events.event("order_placed").with("order_id", id).log()}, and typed,
 * {@code events.log(new OrderPlaced(id, 2))}, where each record component becomes a snake_case field and the type is
 * the record's simple name in snake_case unless {@link EventType @EventType} names it.
 * <p>
 * Every event is also passed to the {@link BusinessEventListener listeners}, whatever the logger's level.
 */
public class BusinessEventLogger {

	private static final Logger self = LoggerFactory.getLogger(BusinessEventLogger.class);

	private final Logger logger;

	private final String typeField;

	private final BusinessEventListener[] listeners;

	/**
	 * Creates a business event logger.
	 * @param logger the logger the events are written to
	 * @param typeField the field holding the event type
	 * @param listeners told of every event
	 */
	public BusinessEventLogger(Logger logger, String typeField, List<? extends BusinessEventListener> listeners) {
		this.logger = logger;
		this.typeField = typeField;
		this.listeners = listeners.toArray(BusinessEventListener[]::new);
	}

	/**
	 * Starts an event of the given type; nothing is written until {@link BusinessEvent#log()}.
	 * @param type the event type, snake_case by convention
	 * @return the event to add fields to
	 */
	public BusinessEvent event(String type) {
		Assert.hasText(type, "'type' must not be empty");
		return new BusinessEvent(this, type, start(type));
	}

	/**
	 * Writes a record as an event: one field per component.
	 * @param event the event
	 */
	public void log(Record event) {
		Assert.notNull(event, "'event' must not be null");
		RecordEvent layout = RecordEvent.of(event.getClass());
		LoggingEventBuilder builder = start(layout.type());
		if (this.logger.isInfoEnabled()) {
			for (int i = 0; i < layout.size(); i++) {
				builder.addKeyValue(layout.field(i), layout.value(event, i));
			}
		}
		emit(layout.type(), builder);
	}

	/**
	 * The name of the logger events are written to.
	 * @return the logger name
	 */
	public String getLoggerName() {
		return this.logger.getName();
	}

	private LoggingEventBuilder start(String type) {
		if (!this.logger.isInfoEnabled()) {
			return NOPLoggingEventBuilder.singleton();
		}
		return this.logger.atInfo().addKeyValue(this.typeField, type);
	}

	void emit(String type, LoggingEventBuilder builder) {
		builder.log(type);
		for (BusinessEventListener listener : this.listeners) {
			try {
				listener.onEvent(type);
			}
			catch (RuntimeException ex) {
				// A failing listener (a metrics backend, say) must not fail the business operation that logged.
				self.warn("Business event listener {} failed", listener, ex);
			}
		}
	}

	/**
	 * An event being built; not thread-safe, meant to be logged where it was started.
	 */
	public static final class BusinessEvent {

		private final BusinessEventLogger owner;

		private final String type;

		private final LoggingEventBuilder builder;

		private BusinessEvent(BusinessEventLogger owner, String type, LoggingEventBuilder builder) {
			this.owner = owner;
			this.type = type;
			this.builder = builder;
		}

		/**
		 * Adds a field.
		 * @param key the field name
		 * @param value the field value
		 * @return this event
		 */
		public BusinessEvent with(String key, Object value) {
			this.builder.addKeyValue(key, value);
			return this;
		}

		/**
		 * Writes the event and tells the listeners.
		 */
		public void log() {
			this.owner.emit(this.type, this.builder);
		}

	}

}
