package io.github.structuredlogging.exchange;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.slf4j.event.Level;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for the one line written per HTTP exchange, received (servlet and WebFlux) or made (RestClient,
 * RestTemplate, WebClient).
 */
@ConfigurationProperties(prefix = ExchangeProperties.PREFIX)
public class ExchangeProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.exchange";

	/**
	 * Whether to write one line per HTTP exchange.
	 */
	private boolean enabled = true;

	/**
	 * Whether to write a line for each request the application receives.
	 */
	private boolean inbound = true;

	/**
	 * Whether to write a line for each call the application makes through the HTTP clients Spring hands out.
	 */
	private boolean outbound = true;

	/**
	 * Path patterns of received requests that get no line, such as health checks and actuator calls.
	 */
	@NotNull
	private List<@NotBlank String> exclude = new ArrayList<>(List.of("/actuator", "/actuator/**", "/health",
			"/health/**", "/livez", "/readyz"));

	/**
	 * Level of the line, by outcome.
	 */
	@Valid
	private final Levels levels = new Levels();

	/**
	 * Whether to add the request and response headers. Authorization, Proxy-Authorization, Cookie,
	 * Set-Cookie, X-Api-Key and X-Auth-Token are always masked, as are the headers the masking settings name.
	 */
	private boolean includeHeaders = false;

	/**
	 * Whether to add request and response bodies of JSON and text content: JSON as nested fields, masked field by
	 * field, text as a string. A body larger than max-body-bytes is cut there and marked truncated.
	 */
	private boolean includeBodies = false;

	/**
	 * Most bytes of each body kept for the line. At most 64 KiB, so that one exchange cannot fill the event bound.
	 */
	@Positive
	@Max(65536)
	private int maxBodyBytes = 4096;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isInbound() {
		return this.inbound;
	}

	public void setInbound(boolean inbound) {
		this.inbound = inbound;
	}

	public boolean isOutbound() {
		return this.outbound;
	}

	public void setOutbound(boolean outbound) {
		this.outbound = outbound;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

	public Levels getLevels() {
		return this.levels;
	}

	public boolean isIncludeHeaders() {
		return this.includeHeaders;
	}

	public void setIncludeHeaders(boolean includeHeaders) {
		this.includeHeaders = includeHeaders;
	}

	public boolean isIncludeBodies() {
		return this.includeBodies;
	}

	public void setIncludeBodies(boolean includeBodies) {
		this.includeBodies = includeBodies;
	}

	public int getMaxBodyBytes() {
		return this.maxBodyBytes;
	}

	public void setMaxBodyBytes(int maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Level of an exchange line by outcome.
	 */
	public static class Levels {

		/**
		 * Level of exchanges answered with a 5xx status.
		 */
		@NotNull
		private Level serverError = Level.ERROR;

		/**
		 * Level of exchanges answered with a 4xx status.
		 */
		@NotNull
		private Level clientError = Level.WARN;

		/**
		 * Level of exchanges answered with any other status.
		 */
		@NotNull
		private Level success = Level.INFO;

		/**
		 * Level of exchanges that ended with an exception instead of a response.
		 */
		@NotNull
		private Level failure = Level.ERROR;

		public Level getServerError() {
			return this.serverError;
		}

		public void setServerError(Level serverError) {
			this.serverError = serverError;
		}

		public Level getClientError() {
			return this.clientError;
		}

		public void setClientError(Level clientError) {
			this.clientError = clientError;
		}

		public Level getSuccess() {
			return this.success;
		}

		public void setSuccess(Level success) {
			this.success = success;
		}

		public Level getFailure() {
			return this.failure;
		}

		public void setFailure(Level failure) {
			this.failure = failure;
		}

		/**
		 * The level of one exchange.
		 * @param status the response status, or 0 when none was received
		 * @param failure the exception that ended the exchange, or {@code null}
		 * @return the level
		 */
		public Level of(int status, Throwable failure) {
			if (failure != null) {
				return this.failure;
			}
			if (status >= 500) {
				return this.serverError;
			}
			return (status >= 400) ? this.clientError : this.success;
		}

	}

}
