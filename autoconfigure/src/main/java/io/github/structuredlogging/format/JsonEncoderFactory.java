package io.github.structuredlogging.format;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import ch.qos.logback.core.Context;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.masking.Maskers;
import io.github.structuredlogging.masking.SensitiveModule;
import io.github.structuredlogging.masking.TextMasker;
import io.github.structuredlogging.limits.BoundedThrowableMessageJsonProvider;
import io.github.structuredlogging.limits.EventLimiter;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.limits.LineSafeEscapes;
import io.github.structuredlogging.limits.MessageMaskingThrowableConverter;
import io.github.structuredlogging.limits.SurrogateSanitizingJsonGenerator;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import net.logstash.logback.decorate.MapperBuilderDecorator;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the logstash-logback-encoder {@link LogstashEncoder} behind every JSON output, so console and file carry
 * the same fields under the same names, with the same masking and the same bounds.
 * <p>
 * What the encoder writes passes through two generator decorators: the outer one masks (see {@link Maskers}), the
 * inner one replaces unpaired surrogates; the generator writes line and paragraph separators, DEL and C1 controls
 * escaped ({@link LineSafeEscapes}). Before that, {@link StructuredJsonEncoder} bounds the event, masking any value
 * before it is cut to its limit.
 */
public final class JsonEncoderFactory {

	/** Field holding the fully qualified class name of a logged throwable. */
	public static final String EXCEPTION_TYPE_FIELD = "exception_type";

	/** Field holding the message of a logged throwable. */
	public static final String EXCEPTION_MESSAGE_FIELD = "exception_message";

	/** Field holding the (shortened) stack trace of a logged throwable. */
	public static final String STACK_TRACE_FIELD = "stack_trace";

	/** Field naming the service that wrote the event. */
	public static final String SERVICE_FIELD = "service";

	static final String TIMESTAMP_FIELD = "@timestamp";

	static final String LOGGER_FIELD = "logger";

	static final String THREAD_FIELD = "thread";

	static final String LEVEL_FIELD = "level";

	static final String MESSAGE_FIELD = "message";

	static final String TAGS_FIELD = "tags";

	/** Fields the encoder fills from trusted sources, never from what the application logs. */
	private static final Set<String> TRUSTED_FIELDS = Set.of(TIMESTAMP_FIELD, LEVEL_FIELD, LOGGER_FIELD,
			THREAD_FIELD, SERVICE_FIELD, EXCEPTION_TYPE_FIELD);

	/** Every top-level field the encoder writes itself, which no MDC entry or key/value may repeat. */
	private static final Set<String> ENCODER_FIELDS = Set.of(TIMESTAMP_FIELD, MESSAGE_FIELD, LEVEL_FIELD,
			LOGGER_FIELD, THREAD_FIELD, SERVICE_FIELD, EXCEPTION_TYPE_FIELD, EXCEPTION_MESSAGE_FIELD,
			STACK_TRACE_FIELD, TAGS_FIELD);

	private static final String IGNORE = "[ignore]";

	private static final Map<ValueMapperSettings, JsonMapper> VALUE_MAPPERS = new ConcurrentHashMap<>();

	private final LimitsProperties limits;

	private final MaskingProperties masking;

	private final String serviceName;

	private final Map<String, String> mdcNames;

	private final BootJsonSettings bootJson;

	/**
	 * Creates a factory whose encoders write tracing ids as {@code trace_id} and {@code span_id}.
	 * @param limits the bounds on each event
	 * @param masking the masking settings
	 * @param serviceName the value of the service field, or {@code null}
	 */
	public JsonEncoderFactory(LimitsProperties limits, MaskingProperties masking, String serviceName) {
		this(limits, masking, serviceName, new FormatProperties());
	}

	/**
	 * Creates a factory.
	 * @param limits the bounds on each event
	 * @param masking the masking settings
	 * @param serviceName the value of the service field, or {@code null}
	 * @param format the settings of the starter's formats, naming the tracing fields
	 */
	public JsonEncoderFactory(LimitsProperties limits, MaskingProperties masking, String serviceName,
			FormatProperties format) {
		this(limits, masking, serviceName, format, BootJsonSettings.NONE);
	}

	/**
	 * Creates a factory whose encoders also write the members Spring Boot's {@code logging.structured.json.add} and
	 * members customizers add.
	 * @param limits the bounds on each event
	 * @param masking the masking settings
	 * @param serviceName the value of the service field, or {@code null}
	 * @param format the settings of the starter's formats, naming the tracing fields
	 * @param bootJson Spring Boot's {@code logging.structured.json.*}, of which {@code add} and {@code customizer}
	 * apply
	 */
	public JsonEncoderFactory(LimitsProperties limits, MaskingProperties masking, String serviceName,
			FormatProperties format, BootJsonSettings bootJson) {
		this.bootJson = bootJson;
		this.limits = limits;
		this.masking = masking;
		this.serviceName = serviceName;
		this.mdcNames = TracingFields.mdcNames(format.getTraceIdField(), format.getSpanIdField());
	}

	/**
	 * Creates an encoder, not yet started.
	 * @param context the Logback context
	 * @return the encoder
	 * @throws io.github.structuredlogging.validation.InvalidConfigurationPropertyException if the masking settings
	 * cannot be used
	 */
	public StructuredJsonEncoder create(Context context) {
		JacksonModule sensitive = this.masking.isEnabled() ? Maskers.sensitiveModule(this.masking) : null;
		UnaryOperator<String> textMasking = TextMasker.of(this.masking)::maskText;
		Set<String> reserved = new HashSet<>(ENCODER_FIELDS);
		reserved.addAll(this.bootJson.add().keySet());
		StructuredJsonEncoder encoder = new StructuredJsonEncoder(
				new EventLimiter(this.limits, valueMapper(this.limits, this.masking), reserved, textMasking),
				BootJsonCustomizerFields.find(context, this.bootJson.customizer()));
		encoder.setContext(context);
		encoder.setFieldNames(fieldNames());
		this.mdcNames.forEach((key, field) -> encoder.addMdcKeyFieldName(key + "=" + field));
		// Logback context properties are Boot's internal layout settings, not facts about the event.
		encoder.setIncludeContext(false);
		encoder.setThrowableConverter(throwableConverter(context, textMasking));
		encoder.addProvider(exceptionTypeProvider());
		encoder.addProvider(new BoundedThrowableMessageJsonProvider(EXCEPTION_MESSAGE_FIELD,
				this.limits.getMaxExceptionMessageLength(), textMasking));
		ObjectNode customFields = JsonNodeFactory.instance.objectNode();
		this.bootJson.add().forEach(customFields::put);
		if (this.serviceName != null && !this.serviceName.isBlank()) {
			customFields.put(SERVICE_FIELD, this.serviceName);
		}
		if (!customFields.isEmpty()) {
			encoder.setCustomFields(customFields.toString());
		}
		OffsetTimestampJsonProvider.replaceDefault(encoder.getProviders(), TIMESTAMP_FIELD);
		encoder.addDecorator(LineSafeEscapes.jsonDecorator());
		encoder.addDecorator((JsonGeneratorDecorator) SurrogateSanitizingJsonGenerator::new);
		if (sensitive != null) {
			encoder.addDecorator(Maskers.decorator(this.masking, TRUSTED_FIELDS));
			encoder.addDecorator(new ModuleDecorator<>(sensitive));
		}
		return encoder;
	}

	/**
	 * The mapper that turns logged objects into bounded trees before encoding: configured like the encoder's own
	 * (empty beans allowed, {@code @Sensitive} honoured), and with a nesting limit, so a self-referencing object
	 * graph fails fast instead of exhausting the stack. The limit is a few times the depth that is kept, so that a
	 * deep but finite object still converts (and is then cut to the kept depth).
	 * <p>
	 * One mapper per configuration, shared by every encoder and renderer that asks for it: a mapper is immutable
	 * and thread-safe, and building one is a good part of what the logging system does while it starts.
	 * @param limits the bounds on each event, of which the nesting depth applies
	 * @param masking the masking settings, of which whether masking is enabled and the replacement apply
	 * @return the mapper
	 */
	public static JsonMapper valueMapper(LimitsProperties limits, MaskingProperties masking) {
		ValueMapperSettings settings = new ValueMapperSettings(limits.getMaxNestingDepth() * 4,
				masking.isEnabled() ? masking.getReplacement() : null);
		return VALUE_MAPPERS.computeIfAbsent(settings, ValueMapperSettings::build);
	}

	private LogstashFieldNames fieldNames() {
		LogstashFieldNames names = new LogstashFieldNames();
		names.setVersion(IGNORE);
		names.setLevelValue(IGNORE);
		names.setLogger(LOGGER_FIELD);
		names.setThread(THREAD_FIELD);
		names.setStackTrace(STACK_TRACE_FIELD);
		return names;
	}

	private ShortenedThrowableConverter throwableConverter(Context context, UnaryOperator<String> textMasking) {
		ShortenedThrowableConverter converter = new MessageMaskingThrowableConverter(textMasking);
		converter.setContext(context);
		converter.setMaxDepthPerThrowable(this.limits.getMaxStackDepth());
		converter.setMaxLength(this.limits.getMaxStackTraceLength());
		this.limits.getStackTraceExclusions().forEach(converter::addExclude);
		converter.setRootCauseFirst(true);
		return converter;
	}

	private static ThrowableClassNameJsonProvider exceptionTypeProvider() {
		ThrowableClassNameJsonProvider provider = new ThrowableClassNameJsonProvider();
		provider.setFieldName(EXCEPTION_TYPE_FIELD);
		provider.setUseSimpleClassName(false);
		return provider;
	}

	/**
	 * Adds a module to the mapper the encoder builds for itself.
	 */
	static final class ModuleDecorator<M extends ObjectMapper, B extends MapperBuilder<M, B>>
			implements MapperBuilderDecorator<M, B> {

		private final JacksonModule module;

		ModuleDecorator(JacksonModule module) {
			this.module = module;
		}

		@Override
		public B decorate(B builder) {
			return builder.addModule(this.module);
		}

	}

	/**
	 * What a value mapper is built from.
	 * @param maxNestingDepth the deepest nesting the mapper writes before it fails
	 * @param sensitiveReplacement what {@code @Sensitive} properties are written as, or {@code null} if masking is
	 * off
	 */
	private record ValueMapperSettings(int maxNestingDepth, String sensitiveReplacement) {

		JsonMapper build() {
			JsonFactory factory = JsonFactory.builder()
				.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(this.maxNestingDepth).build())
				.build();
			JsonMapper.Builder builder = JsonMapper.builder(factory)
				.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
			if (this.sensitiveReplacement != null) {
				builder.addModule(new SensitiveModule(this.sensitiveReplacement));
			}
			return builder.build();
		}

	}

}
