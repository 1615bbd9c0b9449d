package io.github.structuredlogging.output;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.format.BootFormats;
import io.github.structuredlogging.format.FormatContext;
import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.format.PlainEncoderFactory;

import org.springframework.core.env.Environment;

/**
 * The format of one output (console or file) and where that choice came from. Spring Boot's own
 * {@code logging.structured.format.*} wins over the starter's {@code structured-logging.output.*-format}, so that
 * what Boot's documentation says holds with the starter too.
 *
 * @param format the format, or {@code null} when a formatter class of the application's own writes the output
 * @param formatterClass the class name of that formatter, or {@code null}
 * @param pattern the layout pattern of the plain format given by Boot's {@code logging.pattern.*}, or {@code null}
 * for the starter's own
 * @param source the property the choice came from, or a description of the default
 */
record OutputFormat(LogFormat format, String formatterClass, String pattern, String source) {

	/** The default, when nothing chose a format. */
	static final String DEFAULT_SOURCE = "default";

	/**
	 * Resolves the format of an output.
	 * @param environment the environment
	 * @param output {@code console} or {@code file}, as in Boot's property names
	 * @param starterFormat the format bound from the starter's property
	 * @return the format in force
	 */
	static OutputFormat resolve(Environment environment, String output, LogFormat starterFormat) {
		String patternProperty = "logging.pattern." + output;
		String pattern = environment.getProperty(patternProperty);
		String bootProperty = "logging.structured.format." + output;
		String bootValue = environment.getProperty(bootProperty);
		if (bootValue != null && !bootValue.isBlank()) {
			LogFormat common = BootFormats.commonFormat(bootValue);
			return (common != null) ? new OutputFormat(common, null, null, bootProperty)
					: new OutputFormat(null, bootValue.trim(), null, bootProperty);
		}
		String starterProperty = OutputProperties.PREFIX + "." + output + "-format";
		String source = DEFAULT_SOURCE;
		if (PropertyOrigins.isSetByApplication(environment, starterProperty)) {
			source = starterProperty;
		}
		else if (PropertyOrigins.sourceOf(environment, starterProperty) != null) {
			source = "default for profile "
					+ environment.getProperty(LoggingProfileDefaults.APPLIED_DEFAULTS_PROPERTY, "none");
		}
		return new OutputFormat(starterFormat, null, (starterFormat == LogFormat.PLAIN) ? pattern : null, source);
	}

	/**
	 * Creates the encoder of this output.
	 * @param context the format context
	 * @return the encoder, not yet started
	 */
	Encoder<ILoggingEvent> createEncoder(FormatContext context) {
		if (this.formatterClass != null) {
			return BootFormats.formatterEncoder(context, this.formatterClass);
		}
		if (this.pattern != null) {
			return PlainEncoderFactory.create(context, this.pattern);
		}
		return this.format.createEncoder(context);
	}

	/**
	 * Names the format and its origin, for the start-up line.
	 * @return the description
	 */
	String describe() {
		String name = (this.formatterClass != null) ? this.formatterClass : this.format.name().toLowerCase();
		return name + ((this.pattern != null) ? " (pattern from logging.pattern)" : "") + " [" + this.source + "]";
	}

}
