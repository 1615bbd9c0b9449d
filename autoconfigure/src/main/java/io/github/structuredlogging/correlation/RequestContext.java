package io.github.structuredlogging.correlation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The context of one request as it appears in every log event written while handling it.
 *
 * @param correlationId the id echoed to the caller and shared by every service the request passes through
 * @param fields the MDC entries, correlation id included, in a stable order
 */
public record RequestContext(String correlationId, Map<String, String> fields) {

	/** Request attribute under which the resolved context is kept, so that async and error dispatches reuse it. */
	public static final String ATTRIBUTE = RequestContext.class.getName();

	public RequestContext {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * The same context with one more field, for what is only known further into the request (such as who made it).
	 * @param key the MDC key
	 * @param value the value
	 * @return the extended context
	 */
	public RequestContext withField(String key, String value) {
		Map<String, String> extended = new LinkedHashMap<>(this.fields);
		extended.put(key, value);
		return new RequestContext(this.correlationId, extended);
	}

}
