package io.github.structuredlogging.correlation;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * Puts entries into the MDC for a block of work and puts back what was there before, so nothing leaks into the
 * next piece of work on the same thread.
 */
public final class MdcScope implements AutoCloseable {

	private final Map<String, String> previous;

	private MdcScope(Map<String, String> previous) {
		this.previous = previous;
	}

	public static MdcScope open(Map<String, String> entries) {
		Map<String, String> previous = new HashMap<>(entries.size());
		entries.forEach((key, value) -> {
			previous.put(key, MDC.get(key));
			MDC.put(key, value);
		});
		return new MdcScope(previous);
	}

	@Override
	public void close() {
		this.previous.forEach((key, value) -> {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		});
	}

}
