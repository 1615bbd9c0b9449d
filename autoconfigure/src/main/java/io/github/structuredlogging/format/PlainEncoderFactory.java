package io.github.structuredlogging.format;

import java.util.Set;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.masking.Maskers;
import io.github.structuredlogging.masking.TextMasker;

/**
 * The readable layout for local development, masked and bounded like the JSON output: secrets must not reach a
 * developer's console either.
 */
public final class PlainEncoderFactory {

	/**
	 * The message and key/values are written with line breaks escaped (see {@link Maskers#plainLayout}), so that one
	 * event stays one line, whatever they hold.
	 */
	static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5level [%15.15thread] %-40.40logger{39} "
			+ "[%X{correlation_id:-}] : %msg %kvp%n%throwable";

	private PlainEncoderFactory() {
	}

	static Encoder<ILoggingEvent> create(FormatContext context) {
		return create(context, PATTERN);
	}

	/**
	 * Creates a plain encoder with a layout pattern of the application's own, such as Spring Boot's
	 * {@code logging.pattern.console}, masked like the default one.
	 * @param context the format context
	 * @param pattern the Logback layout pattern
	 * @return the encoder, not yet started
	 */
	public static Encoder<ILoggingEvent> create(FormatContext context, String pattern) {
		PatternLayout layout = Maskers.plainLayout(context.loggerContext(), pattern, context.masking());
		layout.start();
		UnaryOperator<String> textMasking = TextMasker.of(context.masking())::maskText;
		LayoutWrappingEncoder<ILoggingEvent> encoder = new PlainEncoder(new EventLimiter(context.limits(),
				JsonEncoderFactory.valueMapper(context.limits(), context.masking()), Set.of(), textMasking));
		encoder.setContext(context.loggerContext());
		encoder.setLayout(layout);
		return encoder;
	}

	/**
	 * Bounds each event like every other format does, with the fields of the {@link LogEventFieldContributor}s
	 * among the key/values.
	 */
	private static final class PlainEncoder extends LayoutWrappingEncoder<ILoggingEvent> {

		private final EventLimiter limiter;

		PlainEncoder(EventLimiter limiter) {
			this.limiter = limiter;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			return BoundedEncoding.encode(event, this.limiter, super::encode, this);
		}

	}

}
