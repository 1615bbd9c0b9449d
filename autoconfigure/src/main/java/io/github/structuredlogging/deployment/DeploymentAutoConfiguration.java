package io.github.structuredlogging.deployment;

import io.github.structuredlogging.format.EventFieldAutoConfiguration;
import io.github.structuredlogging.output.OnLogbackCondition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that writes the host, instance, active profiles and git commit on every line, when asked to.
 * Runs before {@link EventFieldAutoConfiguration}, which hands its contributor to the outputs.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class, before = EventFieldAutoConfiguration.class)
@Conditional(OnLogbackCondition.class)
@ConditionalOnBooleanProperty(prefix = DeploymentProperties.PREFIX, name = "enabled")
@EnableConfigurationProperties(DeploymentProperties.class)
public final class DeploymentAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeploymentFieldContributor deploymentFieldContributor(Environment environment, ObjectProvider<GitProperties> git,
			DeploymentProperties properties) {
		return new DeploymentFieldContributor(
				DeploymentContext.of(environment, git.getIfAvailable(), properties.getInstanceId()));
	}

}
