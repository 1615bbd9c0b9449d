package io.github.structuredlogging.format;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.LineSafeEscapes;
import io.github.structuredlogging.limits.SurrogateSanitizingJsonGenerator;
import io.github.structuredlogging.masking.Maskers;
import io.github.structuredlogging.masking.TextMasker;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.databind.JacksonModule;

/**
 * Builds the encoder of a format Spring Boot also writes (ECS, Logstash, GELF) on the starter's own JSON encoder,
 * with the starter's bounds and masking (applied by the format's provider, see {@link BootJsonMembers}). When {@code logging.structured.json.*} names something only Boot's
 * formatter can apply (a members customizer, a stack trace printer class), Boot's formatter writes the event
 * instead, still bounded and masked (see {@link BootFormatterEncoder}).
 */
final class BootJsonEncoderFactory {

	private BootJsonEncoderFactory() {
	}

	/**
	 * Creates an encoder, not yet started.
	 * @param context the format context
	 * @param bootFormat the id of the format in Boot's {@code logging.structured.format.*}
	 * @param fields the top-level members the format writes itself
	 * @param trustedFields the top-level members filled from trusted sources, which value masking skips
	 * @param provider creates the provider that writes the format
	 * @return the encoder
	 */
	static Encoder<ILoggingEvent> create(FormatContext context, String bootFormat, Set<String> fields,
			Set<String> trustedFields, Function<FormatParts, JsonProvider<ILoggingEvent>> provider) {
		BootJsonSettings settings = BootJsonSettings.get(context.binder());
		if (settings.needsBootFormatter()) {
			return new BootFormatterEncoder(context, bootFormat);
		}
		JacksonModule sensitive = context.masking().isEnabled() ? Maskers.sensitiveModule(context.masking()) : null;
		TextMasker masker = TextMasker.of(context.masking());
		UnaryOperator<String> textMasking = masker::maskText;
		Set<String> reserved = new HashSet<>(fields);
		settings.add().keySet().forEach((name) -> reserved.add(name.split("\\.", 2)[0]));
		BoundedCompositeJsonEncoder encoder = new BoundedCompositeJsonEncoder(
				new EventLimiter(context.limits(), JsonEncoderFactory.valueMapper(context.limits(), context.masking()),
						reserved, textMasking));
		encoder.setContext(context.loggerContext());
		encoder.setLineSeparator("\n");
		BootJsonMembers members = new BootJsonMembers(settings, masker,
				(sensitive != null) ? Maskers.decorator(context.masking(), trustedFields) : null);
		FormatParts parts = new FormatParts(context, members, new StackTraces(
				context.loggerContext(), settings, context.limits().getMaxStackTraceLength(), textMasking));
		JsonProvider<ILoggingEvent> formatProvider = provider.apply(parts);
		formatProvider.setContext(context.loggerContext());
		encoder.getProviders().addProvider(formatProvider);
		encoder.addDecorator(LineSafeEscapes.jsonDecorator());
		encoder.addDecorator((JsonGeneratorDecorator) SurrogateSanitizingJsonGenerator::new);
		if (sensitive != null) {
			encoder.addDecorator(new JsonEncoderFactory.ModuleDecorator<>(sensitive));
		}
		return encoder;
	}

	/**
	 * What a format's provider is built from.
	 *
	 * @param context the format context
	 * @param members Boot's member rules
	 * @param stackTraces the stack trace printing
	 */
	record FormatParts(FormatContext context, BootJsonMembers members, StackTraces stackTraces) {

		String property(String name) {
			return this.context.binder().bind(name, String.class).orElse(null);
		}

		String property(String name, String fallbackName) {
			String value = property(name);
			return (value != null && !value.isEmpty()) ? value : property(fallbackName);
		}

		Long pid() {
			return this.context.binder().bind("spring.application.pid", Long.class).orElse(null);
		}

	}

}
