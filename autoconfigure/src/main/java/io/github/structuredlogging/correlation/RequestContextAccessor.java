package io.github.structuredlogging.correlation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Lets Micrometer context-propagation move the request context between the MDC and the Reactor context. Only the
 * request context keys are read, set and cleared: other MDC entries belong to someone else.
 */
public class RequestContextAccessor implements ThreadLocalAccessor<Map<String, String>> {

	/** Key of the request context in the Reactor context. */
	public static final String KEY = "structured-logging.request-context";

	private final List<String> keys;

	public RequestContextAccessor(List<String> keys) {
		this.keys = List.copyOf(keys);
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public Map<String, String> getValue() {
		Map<String, String> values = null;
		for (String key : this.keys) {
			String value = MDC.get(key);
			if (value != null) {
				if (values == null) {
					values = new HashMap<>();
				}
				values.put(key, value);
			}
		}
		return values;
	}

	@Override
	public void setValue(Map<String, String> value) {
		setValue();
		value.forEach(MDC::put);
	}

	@Override
	public void setValue() {
		this.keys.forEach(MDC::remove);
	}

}
