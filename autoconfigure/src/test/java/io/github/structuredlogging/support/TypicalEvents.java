package io.github.structuredlogging.support;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.slf4j.event.KeyValuePair;

/**
 * The event the allocation budgets are stated for, the same as the benchmarks' typical event: an INFO message with
 * two arguments from a request thread, three MDC entries and three key/values.
 */
public final class TypicalEvents {

	public static final String LOGGER = "io.github.structuredlogging.sample.order.OrderService";

	public static final String MESSAGE = "Order {} placed for {} items";

	private TypicalEvents() {
	}

	public static LoggingEvent request(LoggerContext context) {
		LoggingEvent event = new LoggingEvent(TypicalEvents.class.getName(), context.getLogger(LOGGER), Level.INFO,
				MESSAGE, null, new Object[] { "7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42", 3 });
		keyValues().forEach((key, value) -> event.addKeyValuePair(new KeyValuePair(key, value)));
		event.setMDCPropertyMap(mdc());
		event.setThreadName("http-nio-8080-exec-1");
		return event;
	}

	public static Map<String, String> mdc() {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("correlation_id", "abc-123");
		mdc.put("request_id", "62d2a533-0b90-47d6-b32c-0a559d3cb052");
		mdc.put("user_id", "user-42");
		return mdc;
	}

	public static Map<String, Object> keyValues() {
		Map<String, Object> keyValues = new LinkedHashMap<>();
		keyValues.put("item", "book");
		keyValues.put("quantity", 3);
		keyValues.put("amount", 42.5);
		return keyValues;
	}

}
