package io.github.structuredlogging.format;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.LineSafeEscapes;
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
				(bounded) -> lineSafe(this.delegate.encode(MaskedEvents.mask(bounded, this.masker))), this);
	}

	/**
	 * What the formatter wrote (UTF-8, Boot's default, which this encoder keeps), with DEL, the C1 controls (NEL
	 * among them) and U+2028/U+2029 written as {@code \}{@code uXXXX}, as the starter's JSON writes them: a
	 * formatter of the application's own may write them raw, and line readers, shippers and terminals take them
	 * for line breaks.
	 * Only bytes that can start such a character (0x7F, 0xC2, 0xE2) cost a decoding.
	 */
	static byte[] lineSafe(byte[] written) {
		for (byte b : written) {
			if (b == 0x7F || b == (byte) 0xC2 || b == (byte) 0xE2) {
				return escape(new String(written, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
			}
		}
		return written;
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (LineSafeEscapes.isEscaped(c)) {
				escaped.append(String.format("\\u%04X", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
