package io.github.structuredlogging.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.output.EventBuffer;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The JSON encoder of every structured output: a {@link LogstashEncoder} that bounds each event first and never
 * lets an event fail unseen (see {@link BoundedEncoding}).
 */
public class StructuredJsonEncoder extends LogstashEncoder {

	private final EventLimiter limiter;

	private final LogEventFieldContributor[] formatFields;

	private final Set<LogEventFieldContributor> failedFormatFields = ConcurrentHashMap.newKeySet();

	/** Held rather than written inline, where each event would make a new method reference. */
	private final Function<ILoggingEvent, byte[]> arrayEncoding = super::encode;

	private final BoundedEncoding.StreamEncoding streamEncoding = super::encode;

	StructuredJsonEncoder(EventLimiter limiter) {
		this(limiter, null);
	}

	/**
	 * Creates an encoder.
	 * @param limiter the bounds
	 * @param formatFields the fields the format's own settings add (Boot's members customizers), or {@code null}
	 */
	StructuredJsonEncoder(EventLimiter limiter, LogEventFieldContributor formatFields) {
		this.limiter = limiter;
		this.formatFields = (formatFields != null) ? new LogEventFieldContributor[] { formatFields }
				: new LogEventFieldContributor[0];
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(withFormatFields(event), this.limiter, this.arrayEncoding, this);
	}

	/**
	 * Encodes straight into an output's {@link EventBuffer}, which can take back a half-written event; into any
	 * other stream through an array first, so that a failure midway never leaves half an event in it.
	 */
	@Override
	public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
		if (outputStream instanceof EventBuffer buffer) {
			BoundedEncoding.encodeInto(withFormatFields(event), this.limiter, this.streamEncoding, buffer, this);
		}
		else {
			outputStream.write(encode(event));
		}
	}

	private ILoggingEvent withFormatFields(ILoggingEvent event) {
		return EventFieldContributions.withFields(event, this.formatFields, this.failedFormatFields, this);
	}

}
