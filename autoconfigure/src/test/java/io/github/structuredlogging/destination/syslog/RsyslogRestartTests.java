package io.github.structuredlogging.destination.syslog;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;

/**
 * The restart test against rsyslog ({@code imtcp}, which reads RFC 6587 octet-counted frames), in the foreground
 * with its own configuration: the framing is what another real receiver parses.
 */
class RsyslogRestartTests extends SyslogRestartTests {

	@Override
	SyslogReceiver receiver(Path directory) throws Exception {
		return SyslogReceiver.rsyslog(directory);
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
