package io.github.structuredlogging.performance;

import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Auto-configuration of {@link LogPerformance @LogPerformance}. The advisor is an infrastructure bean, so Spring
 * Boot's auto-proxy creator applies it whether or not AspectJ is on the class path.
 */
@AutoConfiguration(after = AopAutoConfiguration.class)
@ConditionalOnClass({ AbstractPointcutAdvisor.class, MethodInterceptor.class })
@ConditionalOnBooleanProperty(prefix = PerformanceProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PerformanceProperties.class)
public final class PerformanceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PerformanceRecorder performanceRecorder(PerformanceProperties properties,
			ObjectProvider<PerformanceListener> listeners) {
		return new PerformanceRecorder(LoggerFactory.getLogger(properties.getLoggerName()),
				level(properties.getSuccessLevel()), level(properties.getSlowLevel()),
				level(properties.getFailureLevel()), properties.getSlowThreshold(),
				listeners.orderedStream().toList());
	}

	/**
	 * Static and given only a provider, because auto-proxy creators instantiate advisors while the first beans are
	 * created: the recorder, and the meter registry behind its listeners, are only looked up on the first call.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static LogPerformanceAdvisor logPerformanceAdvisor(ObjectProvider<PerformanceRecorder> recorder) {
		return new LogPerformanceAdvisor(new PerformanceInterceptor(recorder::getObject));
	}

	private static Level level(LogLevel level) {
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			case ERROR, FATAL -> Level.ERROR;
			case OFF -> null;
		};
	}

}
