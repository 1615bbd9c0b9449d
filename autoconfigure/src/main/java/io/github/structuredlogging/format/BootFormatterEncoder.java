package io.github.structuredlogging.format;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.masking.TextMasker;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Lets Spring Boot's own {@link StructuredLogEncoder} write each event: for a user's {@code StructuredLogFormatter}
 * class named in {@code logging.structured.format.*}, and for Boot's formats when their settings name something
 * only Boot can apply. The event is bounded and masked before Boot's formatter sees it, since the starter cannot
 * reach into what the formatter writes.
 */
final class BootFormatterEncoder extends EncoderBase<ILoggingEvent> {

	private final StructuredLogEncoder delegate = new StructuredLogEncoder();

	private final EventLimiter limiter;

	private final TextMasker masker;

	/**
	 * Creates an encoder, not yet started.
	 * @param context the format context
	 * @param format a format id Boot knows, or the class name of a {@code StructuredLogFormatter}
	 */
	BootFormatterEncoder(FormatContext context, String format) {
		setContext(context.loggerContext());
		this.delegate.setContext(context.loggerContext());
		this.delegate.setFormat(format);
		this.masker = TextMasker.of(context.masking());
		this.limiter = new EventLimiter(context.limits(), JsonMapper.builder().build(), Set.of(), this.masker::maskText);
	}

	@Override
	public void start() {
		this.delegate.start();
		super.start();
	}

	@Override
	public void stop() {
		super.stop();
		this.delegate.stop();
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return BoundedEncoding.encode(event, this.limiter,
				(bounded) -> this.delegate.encode(MaskedEvents.mask(bounded, this.masker)), this);
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
