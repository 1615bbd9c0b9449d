package io.github.structuredlogging.format;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Context;
import io.github.structuredlogging.limits.Truncation;

import org.springframework.boot.logging.StackTracePrinter;

/**
 * Prints stack traces as Spring Boot's formatters do (Boot's {@code stack-trace} printer when configured, otherwise
 * Logback's own), cut to the starter's {@code max-stack-trace-length}.
 */
final class StackTraces {

	private final StackTracePrinter printer;

	private final ThrowableProxyConverter converter;

	private final int maxLength;

	StackTraces(Context context, BootJsonSettings settings, int maxLength) {
		this.printer = (settings.stackTrace() != null) ? settings.stackTrace().createPrinter() : null;
		this.converter = new ThrowableProxyConverter();
		this.converter.setContext(context);
		this.converter.start();
		this.maxLength = maxLength;
	}

	String of(ILoggingEvent event) {
		IThrowableProxy proxy = event.getThrowableProxy();
		String trace = (this.printer != null && proxy instanceof ThrowableProxy thrown)
				? this.printer.printStackTraceToString(thrown.getThrowable()) : this.converter.convert(event);
		return Truncation.truncate(trace, this.maxLength);
	}

}
