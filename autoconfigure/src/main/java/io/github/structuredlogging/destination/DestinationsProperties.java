package io.github.structuredlogging.destination;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The destinations logs are shipped to, by name: {@code structured-logging.destinations.<name>.*}. Each has its own
 * protocol, level threshold, format, buffer and spill file, behind the same asynchronous pipeline as the console
 * and file.
 */
@ConfigurationProperties(prefix = DestinationsProperties.PREFIX)
public class DestinationsProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging";

	/**
	 * Destinations by name; the name appears in metrics, the logpipeline endpoint and the spill file's name.
	 */
	private Map<String, @Valid DestinationProperties> destinations = new LinkedHashMap<>();

	public Map<String, DestinationProperties> getDestinations() {
		return this.destinations;
	}

	public void setDestinations(Map<String, DestinationProperties> destinations) {
		this.destinations = destinations;
	}

	/**
	 * The starter's root prefix also holds the settings every start writes (such as the profile defaults), which
	 * are none of this bean's.
	 */
	@Override
	protected String validatedName(String prefix) {
		return prefix + ".destinations";
	}

}
