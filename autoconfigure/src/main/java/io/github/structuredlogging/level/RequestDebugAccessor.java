package io.github.structuredlogging.level;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Moves the per-request DEBUG mark between the Reactor context and the MDC entry {@link RequestDebugTurboFilter}
 * reads.
 */
public class RequestDebugAccessor implements ThreadLocalAccessor<String> {

	/** Key of the mark in the Reactor context. */
	public static final String KEY = "structured-logging.request-debug";

	private final String markerKey;

	public RequestDebugAccessor(String markerKey) {
		this.markerKey = markerKey;
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(this.markerKey);
	}

	@Override
	public void setValue(String value) {
		MDC.put(this.markerKey, value);
	}

	@Override
	public void setValue() {
		MDC.remove(this.markerKey);
	}

}
