package io.github.structuredlogging.propagation;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for carrying the request context on outgoing calls: which headers are sent, and to which hosts.
 */
@ConfigurationProperties(prefix = PropagationProperties.PREFIX)
public class PropagationProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.propagation";

	/**
	 * Whether to add the context headers to outgoing RestClient, RestTemplate and WebClient calls.
	 */
	private boolean enabled = true;

	/**
	 * Hosts that receive the context headers: exact names, or "*.example.com" for any subdomain. Any other host
	 * receives nothing, so ids do not leak to third parties.
	 */
	@NotNull
	private List<@NotBlank String> allowedHosts = new ArrayList<>(
			List.of("localhost", "127.0.0.1", "[::1]", "*.svc.cluster.local", "*.internal"));

	/**
	 * Whether to send the correlation id, under the header the correlation filter reads.
	 */
	private boolean sendCorrelationId = true;

	/**
	 * Whether to send a W3C traceparent carrying the correlation id as trace id, when the correlation id is a UUID
	 * or 32 hex digits and no tracer has already set one on the request.
	 */
	private boolean sendTraceparent = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public boolean isSendCorrelationId() {
		return this.sendCorrelationId;
	}

	public void setSendCorrelationId(boolean sendCorrelationId) {
		this.sendCorrelationId = sendCorrelationId;
	}

	public boolean isSendTraceparent() {
		return this.sendTraceparent;
	}

	public void setSendTraceparent(boolean sendTraceparent) {
		this.sendTraceparent = sendTraceparent;
	}

}
