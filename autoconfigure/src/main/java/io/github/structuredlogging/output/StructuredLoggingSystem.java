package io.github.structuredlogging.output;

import java.io.File;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import io.github.structuredlogging.context.ScopedValueRenderer;
import io.github.structuredlogging.destination.DestinationFactories;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.sampling.SamplingProperties;
import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;
import io.github.structuredlogging.validation.ValidatedProperties;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's {@link LogbackLoggingSystem} whose defaults write structured events. Spring Boot only falls back to
 * defaults when the application has no Logback configuration of its own, so a user's {@code logback-spring.xml},
 * {@code logback.xml} or {@code logging.config} always wins and is left untouched.
 * <p>
 * Boot's own console and file appenders are kept, with their thresholds, charset and rolling policy; only their
 * encoder is replaced. Unless {@code structured-logging.async.enabled=false}, they are then moved behind a
 * {@link LogPipelineAppender} configured from {@code structured-logging.async.*} and
 * {@code structured-logging.sampling.*}.
 */
public class StructuredLoggingSystem extends LogbackLoggingSystem {

	static final String CONSOLE_APPENDER = "CONSOLE";

	static final String FILE_APPENDER = "FILE";

	private String effectiveSettings;

	private List<String> warnings = List.of();

	public StructuredLoggingSystem(ClassLoader classLoader) {
		super(classLoader);
	}

	@Override
	public void initialize(LoggingInitializationContext initializationContext, String configLocation,
			LogFile logFile) {
		this.effectiveSettings = null;
		this.warnings = List.of();
		super.initialize(initializationContext, configLocation, logFile);
		// Logged only now: Spring Boot denies every event until its initialization is complete.
		org.slf4j.Logger logger = LoggerFactory.getLogger(StructuredLoggingSystem.class);
		if (this.effectiveSettings != null) {
			logger.info(this.effectiveSettings);
		}
		this.warnings.forEach(logger::warn);
	}

	/**
	 * Called when the application context closes: what was logged so far reaches the outputs within the drain
	 * timeout before Spring Boot lets go of logging. The pipeline keeps running for whatever other shutdown work
	 * still logs; it is stopped, and drained once more, with the Logback context.
	 */
	@Override
	public void cleanUp() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (LogPipelineAppender pipeline : LogPipelines.find(context)) {
			pipeline.awaitFlushed(pipeline.getDrainTimeout());
		}
		super.cleanUp();
	}

	@Override
	protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
		super.loadDefaults(initializationContext, logFile);
		Environment environment = initializationContext.getEnvironment();
		Binder binder = Binder.get(environment);
		// Bound with validation, so an invalid value stops the start-up with the same report as for the beans.
		OutputProperties properties = ValidatedProperties.bind(binder, OutputProperties.PREFIX, OutputProperties.class);
		if (!properties.isEnabled()) {
			return;
		}
		LimitsProperties limits = ValidatedProperties.bind(binder, LimitsProperties.PREFIX, LimitsProperties.class);
		MaskingProperties masking = ValidatedProperties.bind(binder, MaskingProperties.PREFIX,
				MaskingProperties.class);
		ScopedValueRenderer.configure(limits, masking);
		String serviceName = (properties.getServiceName() != null) ? properties.getServiceName()
				: environment.getProperty("spring.application.name");
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		FormatContext formatContext = new FormatContext(context, binder, limits, masking, serviceName);
		OutputFormat consoleFormat = OutputFormat.resolve(environment, "console", properties.getConsoleFormat());
		OutputFormat fileFormat = (logFile != null)
				? OutputFormat.resolve(environment, "file", properties.getFileFormat()) : null;
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
			if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
				if (CONSOLE_APPENDER.equals(appender.getName())) {
					replaceEncoder(appender, consoleFormat.createEncoder(formatContext));
				}
				else if (FILE_APPENDER.equals(appender.getName()) && fileFormat != null) {
					replaceEncoder(appender, fileFormat.createEncoder(formatContext));
				}
			}
		}
		this.warnings = UnhonouredProperties.warnings(environment, consoleFormat, fileFormat);
		String debugPackage = DevelopmentLevels.apply(environment, context);
		AsyncProperties async = ValidatedProperties.bind(binder, AsyncProperties.PREFIX, AsyncProperties.class);
		DestinationsProperties destinations = ValidatedProperties.bind(binder, DestinationsProperties.PREFIX,
				DestinationsProperties.class);
		String pipelineSettings = "off";
		if (!async.isEnabled() && !destinations.getDestinations().isEmpty()) {
			throw new InvalidConfigurationPropertyException(AsyncProperties.PREFIX + ".enabled", false,
					"be true while structured-logging.destinations are configured, since they are written by the "
							+ "asynchronous pipeline");
		}
		if (async.isEnabled()) {
			SamplingProperties sampling = ValidatedProperties.bind(binder, SamplingProperties.PREFIX,
					SamplingProperties.class);
			List<DestinationOutput> outputs = DestinationFactories.createOutputs(destinations, formatContext,
					async.getDrainTimeout());
			LogPipelineAppender pipeline = LogPipelines.wrapRootAppenders(context,
					Set.of(CONSOLE_APPENDER, FILE_APPENDER), async, sampling.createSampler(), outputs);
			if (pipeline != null) {
				pipelineSettings = LogPipelines.describe(pipeline);
			}
		}
		this.effectiveSettings = "Structured logging: defaults="
				+ environment.getProperty(LoggingProfileDefaults.APPLIED_DEFAULTS_PROPERTY, "none") + " console-format="
				+ consoleFormat.describe() + " log-file=" + ((logFile != null) ? logFile : "none")
				+ ((fileFormat != null) ? " file-format=" + fileFormat.describe() : "")
				+ ((debugPackage != null) ? " debug-level=" + debugPackage : "") + " async-pipeline: "
				+ pipelineSettings;
	}

	/**
	 * Swaps the encoder of a running appender. Stopping and restarting the appender instead would stop a rolling
	 * file appender's policies, which it does not restart. The stream is already open, so the new encoder's header
	 * (the column names of csv) is written here, unless the file already holds lines from an earlier run; Logback
	 * writes it for every file it opens from now on, rolled files included.
	 */
	private static void replaceEncoder(OutputStreamAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> encoder) {
		encoder.start();
		Encoder<ILoggingEvent> previous = appender.getEncoder();
		appender.setEncoder(encoder);
		previous.stop();
		byte[] header = encoder.headerBytes();
		boolean continuesFile = appender instanceof FileAppender<ILoggingEvent> file
				&& new File(file.getFile()).length() > 0;
		if (header != null && header.length > 0 && !continuesFile && appender.getOutputStream() != null) {
			try {
				appender.getOutputStream().write(header);
			}
			catch (IOException ex) {
				appender.addError("Could not write the header of " + appender.getName(), ex);
			}
		}
	}

	/**
	 * Picks this logging system just ahead of Spring Boot's own Logback factory (ordered at
	 * {@code HIGHEST_PRECEDENCE + 1024}), under the same condition, so the choice between logging systems is
	 * otherwise Boot's.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE + 1000)
	public static class Factory implements LoggingSystemFactory {

		private static final boolean PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
				Factory.class.getClassLoader());

		@Override
		public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
			return PRESENT ? new StructuredLoggingSystem(classLoader) : null;
		}

	}

}
