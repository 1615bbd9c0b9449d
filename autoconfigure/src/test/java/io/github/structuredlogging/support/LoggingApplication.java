package io.github.structuredlogging.support;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the smallest application that initialises logging the way a user's does (through
 * {@code StructuredLoggingSystem}), for tests that read the JSON it really writes.
 */
public final class LoggingApplication {

	private LoggingApplication() {
	}

	/**
	 * Starts the application. The console threshold is set every time because Spring Boot keeps it in a system
	 * property, which would otherwise carry over from an earlier application in the same JVM.
	 * @param properties extra properties, as {@code name=value}
	 * @return the running context, to close at the end of the test
	 */
	public static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=test-service",
					"logging.threshold.console=TRACE")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
