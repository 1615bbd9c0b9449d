package io.github.structuredlogging.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * Logback contexts of their own for tests that build a pipeline by hand, apart from the one Spring Boot configures.
 */
public final class LoggerContexts {

	private LoggerContexts() {
	}

	/**
	 * A started context with an MDC adapter, as Logback's own initialisation would leave it.
	 * @param name the context's name, written by encoders that include it
	 * @return the context
	 */
	public static LoggerContext started(String name) {
		LoggerContext context = new LoggerContext();
		context.setName(name);
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		return context;
	}

}
