package io.github.structuredlogging.correlation;

/**
 * Reads the trace id out of a W3C Trace Context {@code traceparent} header
 * ({@code version-traceid-parentid-flags}).
 */
final class TraceParent {

	static final String HEADER = "traceparent";

	private static final int LENGTH = 55;

	private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

	private TraceParent() {
	}

	/**
	 * Returns the trace id of a well-formed header.
	 * @param header the header value, may be {@code null}
	 * @return the 32 lowercase hex digit trace id, or {@code null} when the header is absent or malformed
	 */
	static String traceId(String header) {
		if (header == null || header.length() != LENGTH || header.charAt(2) != '-' || header.charAt(35) != '-'
				|| header.charAt(52) != '-' || "ff".equals(header.substring(0, 2))) {
			return null;
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = header.charAt(i);
			boolean separator = (i == 2 || i == 35 || i == 52);
			if (!separator && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return null;
			}
		}
		String traceId = header.substring(3, 35);
		return INVALID_TRACE_ID.equals(traceId) ? null : traceId;
	}

}
