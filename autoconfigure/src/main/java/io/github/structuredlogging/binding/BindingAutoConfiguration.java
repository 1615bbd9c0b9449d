package io.github.structuredlogging.binding;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link BoundLogger} injection: a bean that declares a {@code BoundLogger} receives one named
 * after its class and bound to its identity.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = BindingProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BindingProperties.class)
public final class BindingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BoundLoggerFactory boundLoggerFactory(BindingProperties properties, ObjectProvider<BuildProperties> build) {
		BuildProperties buildProperties = properties.isUseBuildVersion() ? build.getIfAvailable() : null;
		String version = (buildProperties != null) ? buildProperties.getVersion() : null;
		return new DefaultBoundLoggerFactory(properties.getComponentKey(), properties.getVersionKey(), version);
	}

	/**
	 * Static, as every {@code BeanFactoryPostProcessor} bean should be, so that it does not bring this configuration
	 * class to life before the bean factory is configured.
	 */
	@Bean
	@ConditionalOnMissingBean
	static BoundLoggerInjection boundLoggerInjection() {
		return new BoundLoggerInjection();
	}

}
