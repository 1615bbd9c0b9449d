package io.github.structuredlogging.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for writing where a line comes from: the host, the instance, the active profiles and the git commit,
 * worked out once per process and written on every line.
 */
@ConfigurationProperties(prefix = DeploymentProperties.PREFIX)
public class DeploymentProperties {

	public static final String PREFIX = "structured-logging.deployment";

	/**
	 * Whether to write the deployment context on every line. Off by default, like Spring Boot's own
	 * {@code logging.structured.ecs.service.node-name}: lines grow by the fields' size.
	 */
	private boolean enabled = false;

	/**
	 * Id of this instance. When unset, the host name and process id ("host:pid"), which tell the instances on
	 * one host apart.
	 */
	private String instanceId;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(String instanceId) {
		this.instanceId = instanceId;
	}

}
