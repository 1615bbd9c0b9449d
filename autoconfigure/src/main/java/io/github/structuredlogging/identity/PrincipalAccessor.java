package io.github.structuredlogging.identity;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Lets Micrometer context-propagation move the principal's name between the Reactor context and the MDC of the
 * threads that run a WebFlux request, and clear it afterwards. Only its own MDC key is touched.
 */
public class PrincipalAccessor implements ThreadLocalAccessor<String> {

	/** Key of the principal's name in the Reactor context. */
	public static final String KEY = "structured-logging.principal";

	private final String mdcKey;

	public PrincipalAccessor(String mdcKey) {
		this.mdcKey = mdcKey;
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(this.mdcKey);
	}

	@Override
	public void setValue(String value) {
		MDC.put(this.mdcKey, value);
	}

	@Override
	public void setValue() {
		MDC.remove(this.mdcKey);
	}

}
