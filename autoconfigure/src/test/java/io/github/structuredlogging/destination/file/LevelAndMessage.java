package io.github.structuredlogging.destination.file;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;

/**
 * The format the file tests read back: {@code LEVEL message}, one line per event.
 */
final class LevelAndMessage {

	private LevelAndMessage() {
	}

	static PatternLayoutEncoder encoder(LoggerContext context) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %msg%n");
		encoder.start();
		return encoder;
	}

}
