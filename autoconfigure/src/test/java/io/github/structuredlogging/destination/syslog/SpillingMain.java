package io.github.structuredlogging.destination.syslog;

import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.support.LoggerContexts;

/**
 * A process that logs while its syslog destination is unreachable, then reports how many events it spilled and
 * waits to be killed. Run by {@link SpillReplayTests} in a JVM of its own.
 */
public final class SpillingMain {

	/** Printed, with the spilled WARN count, once every event is in the memory buffer or the spill file. */
	static final String READY = "SPILLED-WARN ";

	private SpillingMain() {
	}

	public static void main(String[] args) throws Exception {
		Path spillFile = Path.of(args[0]);
		int deadPort = Integer.parseInt(args[1]);
		int events = Integer.parseInt(args[2]);
		LoggerContext context = LoggerContexts.started("spilling-main");
		DestinationOutput destination = SpillReplayTests.destination(context, spillFile, deadPort);
		LogPipelineAppender pipeline = new LogPipelineAppender();
		pipeline.setContext(context);
		pipeline.setQueueSize(65536);
		pipeline.addOutput(destination);
		pipeline.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(pipeline);
		Logger logger = context.getLogger("spilling");
		for (int seq = 0; seq < events; seq++) {
			logger.atLevel((seq % 2 == 0) ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.INFO)
				.addKeyValue("seq", seq)
				.log("spilled");
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (pipeline.getInFlight() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		System.out.println(READY + destination.getSpilled(Level.WARN));
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
