package io.github.structuredlogging.propagation.kafka;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for carrying the request context on Kafka records and restoring it around {@code @KafkaListener}
 * methods. Which headers are sent is decided by {@code structured-logging.propagation.*}, as for HTTP calls.
 */
@ConfigurationProperties(prefix = KafkaPropagationProperties.PREFIX)
public class KafkaPropagationProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.propagation.kafka";

	/**
	 * Whether to add the context headers to records sent through Boot's Kafka producer factory and to restore the
	 * context of each record around the listener that consumes it.
	 */
	private boolean enabled = true;

	/**
	 * Topics whose records carry the context headers: exact names or simple patterns such as "orders.*" or
	 * "*.internal". Records sent to any other topic carry nothing.
	 */
	@NotNull
	private List<@NotBlank String> allowedTopics = new ArrayList<>(List.of("*"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getAllowedTopics() {
		return this.allowedTopics;
	}

	public void setAllowedTopics(List<String> allowedTopics) {
		this.allowedTopics = allowedTopics;
	}

}
