package io.github.structuredlogging.level;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for levels that revert by themselves: logger levels set for a stated time, and DEBUG for single
 * requests.
 */
@ConfigurationProperties(prefix = LevelProperties.PREFIX)
public class LevelProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.levels";

	/**
	 * Longest time a logger level may be set for through the timedloggers endpoint; longer requests are refused.
	 */
	@NotNull
	private Duration maxDuration = Duration.ofHours(1);

	/**
	 * DEBUG for single requests.
	 */
	@Valid
	private final RequestDebug requestDebug = new RequestDebug();

	public Duration getMaxDuration() {
		return this.maxDuration;
	}

	public void setMaxDuration(Duration maxDuration) {
		this.maxDuration = maxDuration;
	}

	public RequestDebug getRequestDebug() {
		return this.requestDebug;
	}

	/**
	 * DEBUG for single requests, chosen by a header or by correlation id.
	 */
	public static class RequestDebug {

		/**
		 * Whether a request can ask for DEBUG lines of its own. Off by default: every caller who can send the header
		 * could otherwise multiply the log volume.
		 */
		private boolean enabled = false;

		/**
		 * Request header that asks for DEBUG lines.
		 */
		@NotBlank
		private String headerName = "X-Debug-Logging";

		/**
		 * Value the header must carry; empty accepts any value. Set it to keep callers from switching DEBUG on.
		 */
		@NotNull
		private String token = "";

		/**
		 * Correlation ids whose requests get DEBUG lines without the header.
		 */
		@NotNull
		private List<@NotBlank String> correlationIds = new ArrayList<>();

		/**
		 * MDC key and JSON field marking the lines of a request that gets DEBUG lines.
		 */
		@NotBlank
		private String markerKey = "request_debug";

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

		public String getToken() {
			return this.token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public List<String> getCorrelationIds() {
			return this.correlationIds;
		}

		public void setCorrelationIds(List<String> correlationIds) {
			this.correlationIds = correlationIds;
		}

		public String getMarkerKey() {
			return this.markerKey;
		}

		public void setMarkerKey(String markerKey) {
			this.markerKey = markerKey;
		}

	}

}
