package io.github.structuredlogging.event;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link BusinessEventLogger}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(prefix = EventProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventProperties.class)
public final class EventAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BusinessEventLogger businessEventLogger(EventProperties properties,
			ObjectProvider<BusinessEventListener> listeners) {
		return new BusinessEventLogger(LoggerFactory.getLogger(properties.getLoggerName()), properties.getTypeField(),
				listeners.orderedStream().toList());
	}

}
