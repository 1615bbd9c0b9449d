package io.github.structuredlogging.format;

import io.github.structuredlogging.output.OnLogbackCondition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Hands the application's {@link LogEventFieldContributor} beans to the outputs, which the logging system built
 * before any bean existed.
 */
@AutoConfiguration
@Conditional(OnLogbackCondition.class)
@ConditionalOnBean(LogEventFieldContributor.class)
public final class EventFieldAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventFieldContributorRegistration eventFieldContributorRegistration(
			ObjectProvider<LogEventFieldContributor> contributors) {
		return new EventFieldContributorRegistration(contributors);
	}

}
