package io.github.structuredlogging.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.boot.util.Instantiator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * The members that the application's {@link StructuredLoggingJsonMembersCustomizer}s add, for the starter's own
 * {@code json} format: the customizers are found as Spring Boot finds them (the class names in
 * {@code logging.structured.json.customizer}, instantiated with the {@link Environment} as a possible constructor
 * argument, then those in {@code spring.factories}), and run on a {@link JsonWriter} of their own. What that writer
 * writes for an event becomes fields of the event, masked and bounded like its key/values. Name processors and path
 * filters a customizer installs apply to the members it adds; the starter's own fields keep their names.
 */
final class BootJsonCustomizerFields implements LogEventFieldContributor {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final JsonWriter<ILoggingEvent> writer;

	private BootJsonCustomizerFields(List<StructuredLoggingJsonMembersCustomizer<?>> customizers) {
		this.writer = JsonWriter.of((members) -> customize(customizers, members));
	}

	/**
	 * The fields of the customizers the application configured.
	 * @param context the Logback context, holding Spring's environment
	 * @param classNames the class names in {@code logging.structured.json.customizer}
	 * @return the fields, or {@code null} when no customizer is configured
	 */
	static BootJsonCustomizerFields find(Context context, Set<String> classNames) {
		Environment environment = (Environment) context.getObject(Environment.class.getName());
		ClassLoader classLoader = BootJsonCustomizerFields.class.getClassLoader();
		List<StructuredLoggingJsonMembersCustomizer<?>> customizers = new ArrayList<>();
		customizers.addAll(new Instantiator<StructuredLoggingJsonMembersCustomizer<?>>(
				StructuredLoggingJsonMembersCustomizer.class,
				(parameters) -> parameters.add(Environment.class, environment))
			.instantiate(classLoader, classNames));
		for (StructuredLoggingJsonMembersCustomizer<?> customizer : SpringFactoriesLoader
			.forDefaultResourceLocation(classLoader)
			.load(StructuredLoggingJsonMembersCustomizer.class, ArgumentResolver.of(Environment.class, environment))) {
			customizers.add(customizer);
		}
		return customizers.isEmpty() ? null : new BootJsonCustomizerFields(customizers);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void customize(List<StructuredLoggingJsonMembersCustomizer<?>> customizers,
			JsonWriter.Members<ILoggingEvent> members) {
		for (StructuredLoggingJsonMembersCustomizer customizer : customizers) {
			customizer.customize(members);
		}
	}

	@Override
	public void contribute(ILoggingEvent event, BiConsumer<String, Object> fields) {
		JsonNode written = MAPPER.readTree(this.writer.write(event).toJsonString());
		written.properties().forEach((member) -> fields.accept(member.getKey(), value(member.getValue())));
	}

	/**
	 * Text, numbers and booleans as such, so that masking by value pattern sees text as text; anything else as
	 * the tree, written as it is.
	 */
	private static Object value(JsonNode node) {
		if (node.isString()) {
			return node.asString();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node;
	}

}
