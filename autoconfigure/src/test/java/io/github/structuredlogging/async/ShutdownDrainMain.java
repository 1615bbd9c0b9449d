package io.github.structuredlogging.async;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * A small application, run in a child JVM by {@link ShutdownDrainTests}: it logs a burst (every tenth event a WARN,
 * each with a sequence number) into the file named by its first argument, then returns from {@code main} with
 * events still queued, so only the drain on JVM shutdown can get them written.
 */
public final class ShutdownDrainMain {

	static final String MESSAGE = "burst";

	private ShutdownDrainMain() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(ShutdownDrainMain.Config.class).web(WebApplicationType.NONE)
			.properties("logging.file.name=" + args[0], "structured-logging.async.queue-size=1024",
					"structured-logging.async.append-timeout=0ms")
			.run();
		Logger logger = LoggerFactory.getLogger("burst");
		int events = Integer.parseInt(args[1]);
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
