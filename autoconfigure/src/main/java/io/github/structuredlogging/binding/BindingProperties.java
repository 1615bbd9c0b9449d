package io.github.structuredlogging.binding;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for the {@link BoundLogger} injected into beans.
 */
@ConfigurationProperties(prefix = BindingProperties.PREFIX)
public class BindingProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.binding";

	/**
	 * Whether beans can declare a BoundLogger constructor parameter or field and receive one bound to their identity.
	 */
	private boolean enabled = true;

	/**
	 * JSON field naming the component (by default the bean name) that wrote the event.
	 */
	@NotBlank
	private String componentKey = "component";

	/**
	 * JSON field holding the component's version.
	 */
	@NotBlank
	private String versionKey = "version";

	/**
	 * Whether components without a version of their own take the application's build-info version.
	 */
	private boolean useBuildVersion = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getComponentKey() {
		return this.componentKey;
	}

	public void setComponentKey(String componentKey) {
		this.componentKey = componentKey;
	}

	public String getVersionKey() {
		return this.versionKey;
	}

	public void setVersionKey(String versionKey) {
		this.versionKey = versionKey;
	}

	public boolean isUseBuildVersion() {
		return this.useBuildVersion;
	}

	public void setUseBuildVersion(boolean useBuildVersion) {
		this.useBuildVersion = useBuildVersion;
	}

}
