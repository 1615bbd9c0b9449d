package io.github.structuredlogging.destination.syslog;

import java.nio.file.Path;

/**
 * The restart test against syslog-ng ({@code syslog()} source, RFC 5424 with octet counting).
 */
class SyslogNgRestartTests extends SyslogRestartTests {

	@Override
	SyslogReceiver receiver(Path directory) throws Exception {
		return SyslogReceiver.syslogNg(directory);
	}

}
