package io.github.structuredlogging.destination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.destination.DestinationProperties.LogstashProperties;
import io.github.structuredlogging.destination.DestinationProperties.SyslogProperties;
import io.github.structuredlogging.destination.file.FileDestinationFactory;
import io.github.structuredlogging.destination.kafka.KafkaDestinationFactory;
import io.github.structuredlogging.destination.logstash.LogstashTcpDestination;
import io.github.structuredlogging.destination.otlp.OtlpDestinationFactory;
import io.github.structuredlogging.destination.otlp.UnformattedEncoder;
import io.github.structuredlogging.destination.syslog.Rfc5424Message;
import io.github.structuredlogging.destination.syslog.SyslogDestination;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;

import org.springframework.util.ClassUtils;

/**
 * Builds the configured destinations: the protocol from the destination's type, its format through
 * {@link io.github.structuredlogging.format.LogFormat}, and the pipeline's buffering around both.
 */
public final class DestinationFactories {

	private static final String KAFKA_PRODUCER = "org.apache.kafka.clients.producer.KafkaProducer";

	private static final String OTLP_EXPORTER = "io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter";

	private DestinationFactories() {
	}

	/**
	 * Builds and starts an output for every enabled destination.
	 * @param properties the destinations
	 * @param formatContext what formats are built from
	 * @param drainTimeout time each destination has on stop to deliver what it buffers
	 * @return the outputs, in configuration order
	 */
	public static List<DestinationOutput> createOutputs(DestinationsProperties properties,
			FormatContext formatContext, Duration drainTimeout) {
		List<DestinationOutput> outputs = new ArrayList<>();
		for (Map.Entry<String, DestinationProperties> entry : properties.getDestinations().entrySet()) {
			DestinationProperties destination = entry.getValue();
			if (destination.isEnabled()) {
				DestinationOutput output = createOutput(entry.getKey(), destination, formatContext, drainTimeout);
				output.start();
				outputs.add(output);
			}
		}
		return outputs;
	}

	static DestinationOutput createOutput(String name, DestinationProperties properties, FormatContext formatContext,
			Duration drainTimeout) {
		Encoder<ILoggingEvent> encoder = (properties.getType() == DestinationType.OTLP) ? new UnformattedEncoder()
				: properties.getFormat().createEncoder(formatContext);
		encoder.setContext(formatContext.loggerContext());
		encoder.start();
		try {
			DestinationOutput output = new DestinationOutput(name,
					createDestination(name, properties, formatContext, encoder.headerBytes()), encoder,
					level(properties.getLevel()), settings(name, properties, formatContext, drainTimeout));
			output.setContext(formatContext.loggerContext());
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the spill file of destination '" + name + "'", ex);
		}
	}

	private static LogDestination createDestination(String name, DestinationProperties properties,
			FormatContext formatContext, byte[] header) {
		return switch (properties.getType()) {
			case CONSOLE -> new StreamDestination(() -> System.out);
			case FILE -> FileDestinationFactory.create(name, properties.getFile(), header,
					formatContext.loggerContext());
			case SYSLOG -> syslog(properties.getSyslog(), formatContext);
			case KAFKA -> kafka(name, properties, formatContext);
			case LOGSTASH -> logstash(properties.getLogstash());
			case OTLP -> otlp(name, properties, formatContext);
		};
	}

	private static SyslogDestination syslog(SyslogProperties properties, FormatContext formatContext) {
		String appName = (properties.getAppName() != null) ? properties.getAppName() : formatContext.serviceName();
		Rfc5424Message message = new Rfc5424Message(properties.getFacility(), hostname(), appName,
				Long.toString(ProcessHandle.current().pid()));
		return new SyslogDestination(message, properties.getHost(), properties.getPort(), properties.getTransport(),
				properties.isTls(), properties.getConnectTimeout());
	}

	private static LogDestination kafka(String name, DestinationProperties properties, FormatContext formatContext) {
		requireClient(name, "kafka", KAFKA_PRODUCER, "org.apache.kafka:kafka-clients");
		return KafkaDestinationFactory.create(name, properties, formatContext);
	}

	private static LogDestination otlp(String name, DestinationProperties properties, FormatContext formatContext) {
		requireClient(name, "otlp", OTLP_EXPORTER, "io.opentelemetry:opentelemetry-exporter-otlp");
		return OtlpDestinationFactory.create(properties.getOtlp(), formatContext);
	}

	private static void requireClient(String name, String type, String className, String artifact) {
		if (!ClassUtils.isPresent(className, DestinationFactories.class.getClassLoader())) {
			throw new InvalidConfigurationPropertyException(
					DestinationsProperties.PREFIX + ".destinations." + name + ".type", type,
					"name a type whose client is on the class path: " + type + " needs " + artifact);
		}
	}

	private static LogstashTcpDestination logstash(LogstashProperties properties) {
		return new LogstashTcpDestination(properties.getHosts(),
				properties.getConnectionStrategy().create(properties.getConnectionTtl()), properties.isTls(),
				properties.getConnectTimeout());
	}

	private static DeliverySettings settings(String name, DestinationProperties properties,
			FormatContext formatContext, Duration drainTimeout) {
		DestinationProperties.Spill spill = properties.getSpill();
		Path spillFile = spill.isEnabled() ? spill.getDirectory().resolve(spillFileName(name, formatContext)) : null;
		return new DeliverySettings(properties.getBuffer().getMaxEvents(), properties.getBuffer().getBatchSize(),
				spillFile, level(spill.getLevel()), spill.getMaxSize().toBytes(),
				properties.getRetry().getInitialBackoff(), properties.getRetry().getMaxBackoff(),
				properties.getRetry().getDeliveryTimeout(), drainTimeout);
	}

	private static String spillFileName(String name, FormatContext formatContext) {
		String service = (formatContext.serviceName() != null) ? formatContext.serviceName() : "application";
		return (service + "-" + name).replaceAll("[^A-Za-z0-9._-]", "_") + ".spill";
	}

	private static Level level(org.springframework.boot.logging.LogLevel level) {
		return (level == org.springframework.boot.logging.LogLevel.FATAL) ? Level.ERROR
				: Level.toLevel(level.name(), Level.TRACE);
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
