package io.github.structuredlogging.format;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * What a format needs to build its encoder. Formats are built by the logging system before any bean exists, so
 * settings come bound from the environment, and the binder lets a format read settings of its own (such as Spring
 * Boot's {@code logging.structured.*}).
 *
 * @param loggerContext the Logback context the encoder belongs to
 * @param binder the binder over the application's environment
 * @param limits the bounds on each event
 * @param masking the masking settings
 * @param serviceName the name of the service that writes, or {@code null}
 */
public record FormatContext(LoggerContext loggerContext, Binder binder, LimitsProperties limits,
		MaskingProperties masking, String serviceName) {

}
