package io.github.structuredlogging.masking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.pattern.DynamicConverter;

import io.github.structuredlogging.masking.MaskingProperties.PatternProperties;
import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;
import net.logstash.logback.decorate.JsonGeneratorDecorator;

/**
 * Builds the masking of the JSON encoder from {@link MaskingProperties}: every name and value the encoder writes, at
 * any depth, passes through a {@link MaskingGenerator}.
 */
public final class Maskers {

	private Maskers() {
	}

	/**
	 * Creates the generator decorator that masks sensitive fields and values.
	 * @param properties the masking settings
	 * @param encoderFields top-level fields the encoder fills from trusted sources, which value patterns skip
	 * @return the decorator
	 * @throws InvalidConfigurationPropertyException if a pattern of the user's own has no regex
	 */
	public static JsonGeneratorDecorator decorator(MaskingProperties properties, Set<String> encoderFields) {
		return new MaskingDecorator(new CaseInsensitiveFieldMasker(properties.getFields()),
				new ValueMaskerChain(valueMaskers(properties)), Set.copyOf(encoderFields), properties.getReplacement());
	}

	/**
	 * Creates the layout of the plain console output with the same masking as the JSON encoder (value patterns on
	 * the message and the stack trace, field names and value patterns on the key/values) and line breaks and other
	 * control characters in the message and key/values escaped, so that one event stays one line.
	 * @param context the Logback context
	 * @param pattern the layout pattern, using {@code %msg}, {@code %throwable} and {@code %kvp}
	 * @param properties the masking settings
	 * @return the layout, not yet started
	 */
	public static PatternLayout plainLayout(Context context, String pattern, MaskingProperties properties) {
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern(pattern);
		TextMasker masker = TextMasker.of(properties);
		Map<String, Supplier<DynamicConverter>> converters = layout.getInstanceConverterMap();
		for (String word : List.of("m", "msg", "message")) {
			converters.put(word, () -> new MaskingMessageConverter(masker));
		}
		for (String word : List.of("ex", "exception", "throwable")) {
			converters.put(word, () -> new MaskingThrowableProxyConverter(masker));
		}
		converters.put("kvp", () -> new MaskingKeyValuePairConverter(masker));
		return layout;
	}

	/**
	 * Creates the Jackson module that masks {@link Sensitive} properties.
	 * @param properties the masking settings
	 * @return the module
	 */
	public static SensitiveModule sensitiveModule(MaskingProperties properties) {
		return new SensitiveModule(properties.getReplacement());
	}

	static List<ValueMaskerChain.Link> valueMaskers(MaskingProperties properties) {
		Map<String, PatternProperties> configured = properties.getPatterns();
		List<ValueMaskerChain.Link> maskers = new ArrayList<>();
		for (BuiltInPattern builtIn : BuiltInPattern.values()) {
			PatternProperties pattern = configured.get(builtIn.propertyName());
			boolean enabled = (pattern != null && pattern.getEnabled() != null) ? pattern.getEnabled()
					: builtIn.isEnabledByDefault();
			if (enabled) {
				maskers.add(new ValueMaskerChain.Link(builtIn.requiredFeatures(),
						builtIn.masker(properties.getReplacement(), properties.isKeepLastFourDigits())));
			}
		}
		configured.forEach((name, pattern) -> {
			BuiltInPattern builtIn = BuiltInPattern.named(name);
			String regexProperty = MaskingProperties.PREFIX + ".patterns." + name + ".regex";
			if (builtIn != null && pattern.getRegex() != null) {
				throw new InvalidConfigurationPropertyException(regexProperty, pattern.getRegex(),
						"must not be set for the built-in pattern '" + builtIn.propertyName()
								+ "'; choose another name for a pattern of your own");
			}
			if (builtIn == null && pattern.getRegex() == null) {
				throw new InvalidConfigurationPropertyException(regexProperty, null,
						"must be set to a regular expression, as '" + name + "' is not a built-in pattern ("
								+ builtInNames() + ")");
			}
			if (builtIn == null && !Boolean.FALSE.equals(pattern.getEnabled())) {
				maskers.add(new ValueMaskerChain.Link(0,
						new PatternValueMasker(Pattern.compile(pattern.getRegex()), properties.getReplacement())));
			}
		});
		return maskers;
	}

	private static String builtInNames() {
		return Arrays.stream(BuiltInPattern.values())
			.map(BuiltInPattern::propertyName)
			.collect(Collectors.joining(", "));
	}

}
