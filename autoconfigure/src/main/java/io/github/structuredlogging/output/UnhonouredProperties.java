package io.github.structuredlogging.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.structuredlogging.format.LogFormat;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Spring Boot logging properties that an application set but that have no effect with the formats in force, so
 * that each is reported once at start-up instead of being silently ignored.
 */
final class UnhonouredProperties {

	/** Parts of Boot's pattern layout, which only the plain format with Boot's pattern reads. */
	private static final List<String> PATTERN_PARTS = List.of("logging.pattern.dateformat", "logging.pattern.level",
			"logging.pattern.correlation", "logging.exception-conversion-word");

	/** Formats that honour {@code logging.structured.json.*}, all of it. */
	private static final Set<LogFormat> BOOT_JSON_FORMATS = Set.of(LogFormat.ECS, LogFormat.LOGSTASH,
			LogFormat.GELF);

	/** The parts of {@code logging.structured.json.*} that the starter's json format honours too. */
	private static final Set<String> STARTER_JSON_SETTINGS = Set.of("add", "customizer");

	private UnhonouredProperties() {
	}

	/**
	 * The warnings for the formats in force.
	 * @param environment the environment
	 * @param console the console format
	 * @param file the file format, or {@code null} when no file is written
	 * @return one message per property without effect
	 */
	static List<String> warnings(Environment environment, OutputFormat console, OutputFormat file) {
		List<String> warnings = new ArrayList<>();
		checkPattern(environment, "console", console, warnings);
		if (file != null) {
			checkPattern(environment, "file", file, warnings);
		}
		boolean bootPatternInUse = console.pattern() != null || (file != null && file.pattern() != null);
		if (!bootPatternInUse) {
			for (String part : PATTERN_PARTS) {
				if (environment.containsProperty(part)) {
					warnings.add(part + " is set but has no effect: no output uses a logging.pattern layout");
				}
			}
		}
		boolean bootJsonInUse = usesBootJson(console) || (file != null && usesBootJson(file));
		if (!bootJsonInUse) {
			boolean starterJsonInUse = console.format() == LogFormat.JSON
					|| (file != null && file.format() == LogFormat.JSON);
			Binder.get(environment).bind("logging.structured.json", Map.class).ifBound((settings) -> {
				Set<Object> unhonoured = new TreeSet<>(settings.keySet());
				if (starterJsonInUse) {
					unhonoured.removeAll(STARTER_JSON_SETTINGS);
				}
				if (!unhonoured.isEmpty()) {
					warnings.add("logging.structured.json." + unhonoured + " is set but has no effect: only the ecs, "
							+ "logstash and gelf formats (logging.structured.format.*) read it"
							+ (starterJsonInUse ? "; the json format reads only add and customizer" : ""));
				}
			});
		}
		return warnings;
	}

	private static void checkPattern(Environment environment, String output, OutputFormat format,
			List<String> warnings) {
		String property = "logging.pattern." + output;
		if (environment.containsProperty(property) && format.pattern() == null) {
			warnings.add(property + " is set but has no effect: the " + output + " writes " + format.describe()
					+ "; only the plain format uses a pattern");
		}
	}

	private static boolean usesBootJson(OutputFormat format) {
		return format.formatterClass() != null || BOOT_JSON_FORMATS.contains(format.format());
	}

}
