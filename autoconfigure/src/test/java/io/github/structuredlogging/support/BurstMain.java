package io.github.structuredlogging.support;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * A small application, run in a child JVM by the shutdown tests: it starts with the properties given after the event
 * count, logs a burst (every tenth event a WARN, each with a sequence number) and returns from {@code main} with
 * events still queued or in flight, so only the ordered shutdown can get them written, delivered or reported.
 */
public final class BurstMain {

	public static final String MESSAGE = "burst";

	private BurstMain() {
	}

	/**
	 * Runs the burst.
	 * @param args the number of events, then the application's properties as {@code name=value}
	 */
	public static void main(String[] args) {
		new SpringApplicationBuilder(BurstMain.Config.class).web(WebApplicationType.NONE)
			.properties(Arrays.copyOfRange(args, 1, args.length))
			.run();
		Logger logger = LoggerFactory.getLogger("burst");
		int events = Integer.parseInt(args[0]);
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
