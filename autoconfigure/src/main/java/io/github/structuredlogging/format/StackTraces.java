package io.github.structuredlogging.format;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.function.UnaryOperator;

import ch.qos.logback.core.Context;
import io.github.structuredlogging.limits.Truncation;

import org.springframework.boot.logging.StackTracePrinter;

/**
 * Prints stack traces as Spring Boot's formatters do (Boot's {@code stack-trace} printer when configured, otherwise
 * Logback's own), masked and then cut to the starter's
 * {@code max-stack-trace-length}.
 */
final class StackTraces {

	private final StackTracePrinter printer;

	private final ThrowableProxyConverter converter;

	private final Truncation truncation;

	private final int maxLength;

	StackTraces(Context context, BootJsonSettings settings, int maxLength, UnaryOperator<String> masking) {
		this.printer = (settings.stackTrace() != null) ? settings.stackTrace().createPrinter() : null;
		this.converter = new ThrowableProxyConverter();
		this.converter.setContext(context);
		this.converter.start();
		this.truncation = new Truncation(masking);
		this.maxLength = maxLength;
	}

	String of(ILoggingEvent event) {
		IThrowableProxy proxy = event.getThrowableProxy();
		String trace = (this.printer != null && proxy instanceof ThrowableProxy thrown)
				? this.printer.printStackTraceToString(thrown.getThrowable()) : this.converter.convert(event);
		return this.truncation.truncate(trace, this.maxLength);
	}

}
