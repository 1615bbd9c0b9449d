package io.github.structuredlogging.destination.logstash;

import java.time.Duration;

import net.logstash.logback.appender.destination.DestinationConnectionStrategy;
import net.logstash.logback.appender.destination.DestinationConnectionStrategyWithTtl;
import net.logstash.logback.appender.destination.PreferPrimaryDestinationConnectionStrategy;
import net.logstash.logback.appender.destination.RandomDestinationConnectionStrategy;
import net.logstash.logback.appender.destination.RoundRobinDestinationConnectionStrategy;

/**
 * How a Logstash destination picks one of its hosts: logstash-logback-encoder's own connection strategies.
 */
public enum LogstashConnectionStrategy {

	/** The first host while it is reachable, the next ones in turn while it is not; back to the first after a TTL. */
	PREFER_PRIMARY,

	/** Each host in turn, moving on at every reconnection (and after the TTL, when set). */
	ROUND_ROBIN,

	/** A random host at every reconnection (and after the TTL, when set). */
	RANDOM;

	/**
	 * Creates the strategy.
	 * @param connectionTtl how long a connection is kept before the strategy picks again: for
	 * {@link #PREFER_PRIMARY} the time on a secondary host before the primary is tried again; {@code null} for
	 * no limit
	 * @return a new strategy, one per destination since strategies hold state
	 */
	public DestinationConnectionStrategy create(Duration connectionTtl) {
		ch.qos.logback.core.util.Duration ttl = (connectionTtl != null)
				? ch.qos.logback.core.util.Duration.buildByMilliseconds(connectionTtl.toMillis()) : null;
		if (this == PREFER_PRIMARY) {
			PreferPrimaryDestinationConnectionStrategy strategy = new PreferPrimaryDestinationConnectionStrategy();
			strategy.setSecondaryConnectionTTL(ttl);
			return strategy;
		}
		DestinationConnectionStrategyWithTtl strategy = (this == ROUND_ROBIN)
				? new RoundRobinDestinationConnectionStrategy() : new RandomDestinationConnectionStrategy();
		strategy.setConnectionTTL(ttl);
		return strategy;
	}

}
