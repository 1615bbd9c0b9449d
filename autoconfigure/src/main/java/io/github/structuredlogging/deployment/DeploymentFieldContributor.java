package io.github.structuredlogging.deployment;

import java.util.function.BiConsumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.format.LogEventFieldContributor;

/**
 * Writes the {@link DeploymentContext} on every line: {@code host}, {@code instance_id}, {@code profiles} (comma
 * separated, only when a profile is active) and {@code git_commit} (only with {@code git.properties}).
 */
public final class DeploymentFieldContributor implements LogEventFieldContributor {

	private final DeploymentContext context;

	/**
	 * Creates a contributor.
	 * @param context the context to write
	 */
	public DeploymentFieldContributor(DeploymentContext context) {
		this.context = context;
	}

	@Override
	public void contribute(ILoggingEvent event, BiConsumer<String, Object> fields) {
		fields.accept("host", this.context.host());
		fields.accept("instance_id", this.context.instanceId());
		if (!this.context.profiles().isEmpty()) {
			fields.accept("profiles", String.join(",", this.context.profiles()));
		}
		if (this.context.gitCommit() != null) {
			fields.accept("git_commit", this.context.gitCommit());
		}
	}

	/**
	 * The context this contributor writes.
	 * @return the context
	 */
	public DeploymentContext getContext() {
		return this.context;
	}

}
