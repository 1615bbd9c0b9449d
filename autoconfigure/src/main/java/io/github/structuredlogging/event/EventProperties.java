package io.github.structuredlogging.event;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for the {@link BusinessEventLogger}.
 */
@ConfigurationProperties(prefix = EventProperties.PREFIX)
public class EventProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.events";

	/**
	 * Whether to provide the BusinessEventLogger bean.
	 */
	private boolean enabled = true;

	/**
	 * Name of the logger business events are written to, so they can be leveled or routed on their own.
	 */
	@NotBlank
	private String loggerName = "business";

	/**
	 * JSON field holding the event type.
	 */
	@NotBlank
	private String typeField = "event_type";

	/**
	 * Counting of business events per type.
	 */
	@Valid
	private final Metrics metrics = new Metrics();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLoggerName() {
		return this.loggerName;
	}

	public void setLoggerName(String loggerName) {
		this.loggerName = loggerName;
	}

	public String getTypeField() {
		return this.typeField;
	}

	public void setTypeField(String typeField) {
		this.typeField = typeField;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public static class Metrics {

		/**
		 * Whether to count business events in a Micrometer counter tagged by event type.
		 */
		private boolean enabled = true;

		/**
		 * Event types that get a tag of their own; all others are counted under "other". Empty means any type, up
		 * to max-types.
		 */
		private Set<String> allowedTypes = new LinkedHashSet<>();

		/**
		 * Most distinct event types tagged; later new types are counted under "other", so a type built from
		 * unbounded data cannot flood the metrics backend.
		 */
		@Positive
		private int maxTypes = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getAllowedTypes() {
			return this.allowedTypes;
		}

		public void setAllowedTypes(Set<String> allowedTypes) {
			this.allowedTypes = allowedTypes;
		}

		public int getMaxTypes() {
			return this.maxTypes;
		}

		public void setMaxTypes(int maxTypes) {
			this.maxTypes = maxTypes;
		}

	}

}
