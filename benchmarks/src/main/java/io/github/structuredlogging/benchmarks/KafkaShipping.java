package io.github.structuredlogging.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.DestinationProperties;
import io.github.structuredlogging.destination.DestinationType;
import io.github.structuredlogging.destination.kafka.KafkaDestinationFactory;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The starter's pipeline with one Kafka destination, as an application configured with {@code type: kafka} has it,
 * shipping to a broker in another JVM.
 */
final class KafkaShipping implements AutoCloseable {

	final LoggerContext context;

	final Logger logger;

	final LogPipelineAppender pipeline;

	final DestinationOutput destination;

	KafkaShipping(String bootstrapServers, String acks, int maxEvents, Path spillFile) throws Exception {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		this.logger = this.context.getLogger("bench.orders");
		this.logger.setAdditive(false);
		DestinationProperties properties = new DestinationProperties();
		properties.setType(DestinationType.KAFKA);
		properties.getKafka().setBootstrapServers(List.of(bootstrapServers));
		properties.getKafka().setTopic(KafkaBrokerMain.TOPIC);
		properties.getKafka().setAcks(acks);
		properties.getKafka().setIdempotence("all".equals(acks));
		FormatContext formatContext = new FormatContext(this.context,
				new Binder(new MapConfigurationPropertySource(Map.of())), new LimitsProperties(),
				new MaskingProperties(), "bench");
		Encoder<ILoggingEvent> encoder = LogFormat.JSON.createEncoder(formatContext);
		encoder.start();
		this.destination = new DestinationOutput("kafka",
				KafkaDestinationFactory.create("kafka", properties, formatContext), encoder, Level.TRACE,
				new DeliverySettings(maxEvents, 512, spillFile, Level.WARN, 256L * 1024 * 1024, Duration.ofMillis(100),
						Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
		this.destination.setContext(this.context);
		this.destination.start();
		this.pipeline = new LogPipelineAppender();
		this.pipeline.setContext(this.context);
		this.pipeline.setQueueSize(16384);
		this.pipeline.addOutput(this.destination);
		this.pipeline.start();
		this.logger.addAppender(this.pipeline);
	}

	long delivered() {
		return this.destination.getDelivered(Level.INFO) + this.destination.getDelivered(Level.WARN);
	}

	long dropped() {
		return this.pipeline.getTotalDropped() + this.destination.getDropped(Level.INFO)
				+ this.destination.getDropped(Level.WARN);
	}

	@Override
	public void close() {
		this.context.stop();
	}

}
