package io.github.structuredlogging.destination.syslog;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;

/**
 * The restart test against syslog-ng ({@code syslog()} source, RFC 5424 with octet counting).
 */
class SyslogNgRestartTests extends SyslogRestartTests {

	@Override
	SyslogReceiver receiver(Path directory) throws Exception {
		return SyslogReceiver.syslogNg(directory);
	}

	@Override
	String severityName(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> "err";
			case Level.WARN_INT -> "warning";
			case Level.INFO_INT -> "info";
			default -> "debug";
		};
	}

}
