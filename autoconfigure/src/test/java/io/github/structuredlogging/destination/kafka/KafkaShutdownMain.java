package io.github.structuredlogging.destination.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * An application with a Kafka destination, run in a child JVM by {@link KafkaDestinationApplicationTests}: it logs
 * a burst (every tenth event a WARN, each with a sequence number) and returns from {@code main} with records still
 * queued and in flight, so only the ordered shutdown can get them delivered or reported.
 */
public final class KafkaShutdownMain {

	static final String MESSAGE = "burst";

	private KafkaShutdownMain() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(KafkaShutdownMain.Config.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=shutdown", "structured-logging.destinations.fleet.type=kafka",
					"structured-logging.destinations.fleet.kafka.bootstrap-servers=" + args[0],
					"structured-logging.destinations.fleet.kafka.topic=" + args[1],
					"structured-logging.destinations.fleet.spill.directory=" + args[2],
					"structured-logging.destinations.fleet.buffer.max-events=" + args[4])
			.run();
		Logger logger = LoggerFactory.getLogger("burst");
		int events = Integer.parseInt(args[3]);
		for (int seq = 0; seq < events; seq++) {
			if (seq % 10 == 0) {
				logger.atWarn().addKeyValue("seq", seq).log(MESSAGE);
			}
			else {
				logger.atInfo().addKeyValue("seq", seq).log(MESSAGE);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
