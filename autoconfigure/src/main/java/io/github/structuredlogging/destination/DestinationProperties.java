package io.github.structuredlogging.destination;

import java.nio.file.Path;
import java.time.Duration;

import io.github.structuredlogging.destination.file.FileDestinationProperties;
import io.github.structuredlogging.destination.kafka.KafkaDestinationProperties;
import io.github.structuredlogging.destination.logstash.LogstashConnectionStrategy;
import io.github.structuredlogging.destination.otlp.OtlpDestinationProperties;
import io.github.structuredlogging.destination.syslog.SyslogFacility;
import io.github.structuredlogging.destination.syslog.SyslogTransport;
import io.github.structuredlogging.format.LogFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

/**
 * One destination: what it speaks, what it takes, and how it buffers while its collector is unreachable. The
 * buffer vocabulary is the same for every type.
 */
@TypeSettingsRequired
public class DestinationProperties {

	/**
	 * Whether events are shipped to this destination.
	 */
	private boolean enabled = true;

	/**
	 * Protocol of the destination.
	 */
	@NotNull
	private DestinationType type;

	/**
	 * Least severe level shipped to this destination; events below are counted as filtered.
	 */
	@NotNull
	private LogLevel level = LogLevel.TRACE;

	/**
	 * Format of each event's body, one of the formats the starter writes. Not used by otlp, which carries the
	 * fields as attributes.
	 */
	@NotNull
	private LogFormat format = LogFormat.JSON;

	@Valid
	private final Buffer buffer = new Buffer();

	@Valid
	private final Spill spill = new Spill();

	@Valid
	private final Retry retry = new Retry();

	@Valid
	private final FileDestinationProperties file = new FileDestinationProperties();

	@Valid
	private final SyslogProperties syslog = new SyslogProperties();

	@Valid
	private final KafkaDestinationProperties kafka = new KafkaDestinationProperties();

	@Valid
	private final LogstashProperties logstash = new LogstashProperties();

	@Valid
	private final OtlpDestinationProperties otlp = new OtlpDestinationProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DestinationType getType() {
		return this.type;
	}

	public void setType(DestinationType type) {
		this.type = type;
	}

	public LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(LogLevel level) {
		this.level = level;
	}

	public LogFormat getFormat() {
		return this.format;
	}

	public void setFormat(LogFormat format) {
		this.format = format;
	}

	public Buffer getBuffer() {
		return this.buffer;
	}

	public Spill getSpill() {
		return this.spill;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public FileDestinationProperties getFile() {
		return this.file;
	}

	public SyslogProperties getSyslog() {
		return this.syslog;
	}

	public KafkaDestinationProperties getKafka() {
		return this.kafka;
	}

	public LogstashProperties getLogstash() {
		return this.logstash;
	}

	public OtlpDestinationProperties getOtlp() {
		return this.otlp;
	}

	/**
	 * The memory buffer between the pipeline and the destination.
	 */
	public static class Buffer {

		/**
		 * Events held in memory while the destination is slow or unreachable; beyond, events are spilled or dropped.
		 */
		@Min(1)
		private int maxEvents = 10000;

		/**
		 * Most events sent to the destination at once.
		 */
		@Min(1)
		@Max(65536)
		private int batchSize = 512;

		public int getMaxEvents() {
			return this.maxEvents;
		}

		public void setMaxEvents(int maxEvents) {
			this.maxEvents = maxEvents;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

	}

	/**
	 * The local file that keeps severe events beyond the memory buffer, replayed in order once the destination is
	 * back, also after a restart.
	 */
	public static class Spill {

		/**
		 * Whether events beyond the memory buffer are spilled to a local file; otherwise they are dropped and counted.
		 */
		private boolean enabled = true;

		/**
		 * Least severe level that is spilled; less severe events beyond the memory buffer are dropped and counted.
		 */
		@NotNull
		private LogLevel level = LogLevel.WARN;

		/**
		 * Directory of the spill files, one per service and destination. Must not be shared by two running
		 * instances of the same service.
		 */
		@NotNull
		private Path directory = Path.of(System.getProperty("java.io.tmpdir"), "structured-logging-spill");

		/**
		 * Largest size of the spill file; events beyond are dropped and counted.
		 */
		@NotNull
		private DataSize maxSize = DataSize.ofMegabytes(64);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public LogLevel getLevel() {
			return this.level;
		}

		public void setLevel(LogLevel level) {
			this.level = level;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * How failed deliveries are retried.
	 */
	public static class Retry {

		/**
		 * Wait before the first retry of a failed batch; doubled after each further failure.
		 */
		@NotNull
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Longest wait between two retries.
		 */
		@NotNull
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * How long a batch may wait for the destination to report its delivery before it counts as failed.
		 */
		@NotNull
		private Duration deliveryTimeout = Duration.ofSeconds(30);

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getDeliveryTimeout() {
			return this.deliveryTimeout;
		}

		public void setDeliveryTimeout(Duration deliveryTimeout) {
			this.deliveryTimeout = deliveryTimeout;
		}

	}

	/**
	 * Settings of a {@code syslog} destination.
	 */
	public static class SyslogProperties {

		/**
		 * Host of the syslog receiver.
		 */
		@NotBlank
		private String host = "localhost";

		/**
		 * Port of the syslog receiver.
		 */
		@Min(1)
		@Max(65535)
		private int port = 514;

		/**
		 * Transport: TCP with RFC 6587 octet-counting framing, or UDP with one message per datagram.
		 */
		@NotNull
		private SyslogTransport transport = SyslogTransport.TCP;

		/**
		 * Whether the TCP connection uses TLS (RFC 5425), trusting the JVM's default trust store.
		 */
		private boolean tls = false;

		/**
		 * Syslog facility of every message.
		 */
		@NotNull
		private SyslogFacility facility = SyslogFacility.USER;

		/**
		 * APP-NAME of every message. Defaults to the service name.
		 */
		private String appName;

		/**
		 * Time allowed to connect to the receiver.
		 */
		@NotNull
		private Duration connectTimeout = Duration.ofSeconds(5);

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public SyslogTransport getTransport() {
			return this.transport;
		}

		public void setTransport(SyslogTransport transport) {
			this.transport = transport;
		}

		public boolean isTls() {
			return this.tls;
		}

		public void setTls(boolean tls) {
			this.tls = tls;
		}

		public SyslogFacility getFacility() {
			return this.facility;
		}

		public void setFacility(SyslogFacility facility) {
			this.facility = facility;
		}

		public String getAppName() {
			return this.appName;
		}

		public void setAppName(String appName) {
			this.appName = appName;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

	}

	/**
	 * Settings of a {@code logstash} destination.
	 */
	public static class LogstashProperties {

		/**
		 * Comma-separated hosts of Logstash TCP inputs ({@code host:port}, port 4560 when omitted), tried in the
		 * order of the connection strategy.
		 */
		@NotBlank
		private String hosts = "localhost:4560";

		/**
		 * How a host is picked at each connection: the first reachable one, each in turn, or at random.
		 */
		@NotNull
		private LogstashConnectionStrategy connectionStrategy = LogstashConnectionStrategy.PREFER_PRIMARY;

		/**
		 * How long a connection is kept before the strategy picks a host again; with prefer-primary, the time
		 * spent on a secondary host before the primary is tried again. Empty for no limit (then prefer-primary
		 * stays on a secondary until it fails, as logstash-logback-encoder does by default).
		 */
		private Duration connectionTtl = Duration.ofMinutes(5);

		/**
		 * Whether connections use TLS, trusting the JVM's default trust store.
		 */
		private boolean tls = false;

		/**
		 * Time allowed for each connection attempt.
		 */
		@NotNull
		private Duration connectTimeout = Duration.ofSeconds(5);

		public String getHosts() {
			return this.hosts;
		}

		public void setHosts(String hosts) {
			this.hosts = hosts;
		}

		public LogstashConnectionStrategy getConnectionStrategy() {
			return this.connectionStrategy;
		}

		public void setConnectionStrategy(LogstashConnectionStrategy connectionStrategy) {
			this.connectionStrategy = connectionStrategy;
		}

		public Duration getConnectionTtl() {
			return this.connectionTtl;
		}

		public void setConnectionTtl(Duration connectionTtl) {
			this.connectionTtl = connectionTtl;
		}

		public boolean isTls() {
			return this.tls;
		}

		public void setTls(boolean tls) {
			this.tls = tls;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

	}

}
