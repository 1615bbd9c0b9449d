package io.github.structuredlogging.destination;

/**
 * The protocols a destination can speak.
 */
public enum DestinationType {

	/** The process's standard output, with a buffer and accounting of its own. */
	CONSOLE,

	/**
	 * A local file, one event per line, rolled by Logback's {@code SizeAndTimeBasedRollingPolicy} as Spring Boot's
	 * own log file is.
	 */
	FILE,

	/** RFC 5424 syslog over TCP (RFC 6587 octet counting), TCP with TLS, or UDP. */
	SYSLOG,

	/** A Kafka topic, through the official producer (needs {@code org.apache.kafka:kafka-clients}). */
	KAFKA,

	/** JSON lines over TCP to Logstash's {@code tcp} input, with fail-over between several hosts. */
	LOGSTASH,

	/**
	 * OTLP log records over HTTP with protobuf, to an OpenTelemetry collector or any OTLP endpoint (needs
	 * {@code io.opentelemetry:opentelemetry-exporter-otlp}).
	 */
	OTLP

}
