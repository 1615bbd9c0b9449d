package io.github.structuredlogging.context;

import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * Lets Micrometer context-propagation, and Reactor with it, move the scoped values between the MDC and the Reactor
 * context. Registered through {@code META-INF/services}, so it works without any bean. Only the scoped entries are
 * read, set and cleared: other MDC entries belong to someone else.
 */
public class ScopedContextAccessor implements ThreadLocalAccessor<Map<String, String>> {

	/** Key of the scoped values in the Reactor context. */
	public static final String KEY = "structured-logging.scoped-context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public Map<String, String> getValue() {
		return currentEntries();
	}

	@Override
	public void setValue(Map<String, String> value) {
		setValue();
		value.forEach(MDC::put);
	}

	@Override
	public void setValue() {
		Map<String, String> entries = currentEntries();
		if (entries != null) {
			entries.keySet().forEach(MDC::remove);
		}
	}

	/**
	 * The scoped entries of the current thread's MDC, read without copying the MDC when Logback holds it, since
	 * Reactor asks on every hop between threads.
	 * @return the entries under their MDC keys, or {@code null} when there are none
	 */
	static Map<String, String> currentEntries() {
		MDCAdapter adapter = MDC.getMDCAdapter();
		Map<String, String> mdc = (adapter instanceof LogbackMDCAdapter logback) ? logback.getPropertyMap()
				: MDC.getCopyOfContextMap();
		if (mdc == null || mdc.isEmpty()) {
			return null;
		}
		Map<String, String> entries = null;
		for (Map.Entry<String, String> entry : mdc.entrySet()) {
			if (entry.getKey().startsWith(ScopedContext.MDC_PREFIX)) {
				if (entries == null) {
					entries = new HashMap<>();
				}
				entries.put(entry.getKey(), entry.getValue());
			}
		}
		return entries;
	}

}
