package io.github.structuredlogging.format;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers the {@link LogEventFieldContributor} beans, in their order, with the Logback context's
 * {@link EventFieldContributions} once every singleton exists, and removes them when the application context closes,
 * so that a closed context (a devtools restart, a test) leaves no contributor behind.
 */
public class EventFieldContributorRegistration implements SmartInitializingSingleton, DisposableBean {

	private final ObjectProvider<LogEventFieldContributor> provider;

	private List<LogEventFieldContributor> registered = List.of();

	private EventFieldContributions contributions;

	/**
	 * Creates a registration.
	 * @param provider the contributor beans
	 */
	public EventFieldContributorRegistration(ObjectProvider<LogEventFieldContributor> provider) {
		this.provider = provider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.registered = this.provider.orderedStream().toList();
		this.contributions = EventFieldContributions.of((LoggerContext) LoggerFactory.getILoggerFactory());
		this.contributions.register(this.registered);
	}

	@Override
	public void destroy() {
		if (this.contributions != null) {
			this.contributions.unregister(this.registered);
		}
	}

	/**
	 * The contributors this registration handed to the outputs.
	 * @return the contributors, in order
	 */
	public List<LogEventFieldContributor> getRegistered() {
		return this.registered;
	}

}
