package io.github.structuredlogging.correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import io.github.structuredlogging.validation.ValidRegex;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Settings for correlating the log events of one request: which headers are read, under which MDC keys they are
 * written, and which inbound values are accepted.
 */
@ConfigurationProperties(prefix = CorrelationProperties.PREFIX)
public class CorrelationProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.correlation";

	/**
	 * Whether to install the servlet or WebFlux filter that puts the request context into every log event.
	 */
	private boolean enabled = true;

	/**
	 * Request header carrying the correlation id; it is echoed on the response under the same name.
	 */
	@NotBlank
	private String headerName = "X-Correlation-Id";

	/**
	 * Whether to echo the correlation id on the response.
	 */
	private boolean echoHeader = true;

	/**
	 * Whether to take the trace id of a W3C traceparent header as correlation id when the correlation header is
	 * absent or rejected.
	 */
	private boolean useTraceparent = true;

	/**
	 * MDC key and JSON field of the correlation id.
	 */
	@NotBlank
	private String correlationIdKey = "correlation_id";

	/**
	 * MDC key and JSON field of the id generated for each request.
	 */
	@NotBlank
	private String requestIdKey = "request_id";

	/**
	 * MDC key and JSON field naming the inbound headers whose value was rejected, with the reason.
	 */
	@NotBlank
	private String rejectedHeadersKey = "rejected_headers";

	/**
	 * Further request headers copied into the context, mapped to their MDC key. An entry with an empty key removes
	 * that header.
	 */
	@NotNull
	private Map<@NotBlank String, String> headers = defaultHeaders();

	/**
	 * Headers copied into the context as a keyed fingerprint instead of their value, because the value is a
	 * credential: lines of one session stay joinable without exposing it. Remove a header to write its raw value.
	 */
	@NotNull
	private List<@NotBlank String> fingerprintedHeaders = new ArrayList<>(List.of("X-Session-Id"));

	/**
	 * Key of the fingerprints of session headers, so that they match across instances and restarts. When unset, a
	 * random key is generated for each process.
	 */
	@Size(min = 16)
	private String fingerprintKey;

	/**
	 * Longest inbound header value accepted; longer values are rejected, never truncated into the logs. At most
	 * 1024, so a generous setting cannot let one header dominate every line of a request.
	 */
	@Positive
	@Max(1024)
	private int maxValueLength = 128;

	/**
	 * Regular expression an inbound header value must match in full to be accepted. Control characters and
	 * anything outside printable ASCII are rejected whatever it allows.
	 */
	@NotBlank
	@ValidRegex
	private String allowedValuePattern = "[A-Za-z0-9._:@/+=-]+";

	/**
	 * Order of the servlet filter or WebFilter; the default runs it before every other filter.
	 */
	private int filterOrder = Ordered.HIGHEST_PRECEDENCE;

	private static Map<String, String> defaultHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-User-Id", "user_id");
		headers.put("X-Client-Id", "client_id");
		headers.put("X-Session-Id", "session_id");
		return headers;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeaderName() {
		return this.headerName;
	}

	public void setHeaderName(String headerName) {
		this.headerName = headerName;
	}

	public boolean isEchoHeader() {
		return this.echoHeader;
	}

	public void setEchoHeader(boolean echoHeader) {
		this.echoHeader = echoHeader;
	}

	public boolean isUseTraceparent() {
		return this.useTraceparent;
	}

	public void setUseTraceparent(boolean useTraceparent) {
		this.useTraceparent = useTraceparent;
	}

	public String getCorrelationIdKey() {
		return this.correlationIdKey;
	}

	public void setCorrelationIdKey(String correlationIdKey) {
		this.correlationIdKey = correlationIdKey;
	}

	public String getRequestIdKey() {
		return this.requestIdKey;
	}

	public void setRequestIdKey(String requestIdKey) {
		this.requestIdKey = requestIdKey;
	}

	public String getRejectedHeadersKey() {
		return this.rejectedHeadersKey;
	}

	public void setRejectedHeadersKey(String rejectedHeadersKey) {
		this.rejectedHeadersKey = rejectedHeadersKey;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public List<String> getFingerprintedHeaders() {
		return this.fingerprintedHeaders;
	}

	public void setFingerprintedHeaders(List<String> fingerprintedHeaders) {
		this.fingerprintedHeaders = fingerprintedHeaders;
	}

	public String getFingerprintKey() {
		return this.fingerprintKey;
	}

	public void setFingerprintKey(String fingerprintKey) {
		this.fingerprintKey = fingerprintKey;
	}

	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	public void setMaxValueLength(int maxValueLength) {
		this.maxValueLength = maxValueLength;
	}

	public String getAllowedValuePattern() {
		return this.allowedValuePattern;
	}

	public void setAllowedValuePattern(String allowedValuePattern) {
		this.allowedValuePattern = allowedValuePattern;
	}

	public int getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(int filterOrder) {
		this.filterOrder = filterOrder;
	}

}
