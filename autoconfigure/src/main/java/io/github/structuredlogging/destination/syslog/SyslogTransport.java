package io.github.structuredlogging.destination.syslog;

/**
 * How syslog messages travel.
 */
public enum SyslogTransport {

	/** TCP, each message framed by its length (RFC 6587 octet counting), so messages may contain newlines. */
	TCP,

	/** UDP, one message per datagram (RFC 5426); nothing tells whether it arrived. */
	UDP

}
