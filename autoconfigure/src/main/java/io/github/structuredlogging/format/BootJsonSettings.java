package io.github.structuredlogging.format;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.logging.StandardStackTracePrinter;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Spring Boot's {@code logging.structured.json.*}, read the way Boot's own formatters read them, for the starter's
 * ECS, Logstash and GELF encoders: the same members included, excluded, renamed and added, the same context pairs,
 * the same stack trace printer.
 *
 * @param include paths of the members to write, all when empty
 * @param exclude paths of the members not to write
 * @param rename new names by member path
 * @param add members added to every event
 * @param stackTrace how stack traces are printed, or {@code null} for Logback's own printing
 * @param context whether, and under which prefix, MDC entries and key/values are written
 * @param customizer class names of the user's {@link StructuredLoggingJsonMembersCustomizer}s
 */
public record BootJsonSettings(Set<String> include, Set<String> exclude, Map<String, String> rename,
		Map<String, String> add, StackTrace stackTrace, Context context, Set<String> customizer) {

	/** Where Spring Boot's settings live. */
	public static final String PREFIX = "logging.structured.json";

	static final BootJsonSettings NONE = new BootJsonSettings(null, null, null, null, null, null, null);

	public BootJsonSettings {
		include = (include != null) ? include : Set.of();
		exclude = (exclude != null) ? exclude : Set.of();
		rename = (rename != null) ? rename : Map.of();
		add = (add != null) ? add : Map.of();
		context = (context != null) ? context : new Context(true, null);
		customizer = (customizer != null) ? customizer : Set.of();
	}

	/**
	 * Reads Boot's settings.
	 * @param binder the binder over the environment
	 * @return the settings, empty when none are set
	 */
	public static BootJsonSettings get(Binder binder) {
		return binder.bind(PREFIX, BootJsonSettings.class).orElse(NONE);
	}

	/**
	 * Whether the settings name something only Boot's own formatter can apply: a members customizer (by property or
	 * in {@code spring.factories}) works on Boot's {@code JsonWriter}, a stack trace printer class of the user's own
	 * is instantiated by Boot.
	 * @return whether an event must be formatted by Boot's formatter to honour them
	 */
	public boolean needsBootFormatter() {
		return !this.customizer.isEmpty() || (this.stackTrace != null && this.stackTrace.hasCustomPrinter())
				|| !SpringFactoriesLoader
					.loadFactoryNames(StructuredLoggingJsonMembersCustomizer.class, BootJsonSettings.class.getClassLoader())
					.isEmpty();
	}

	/**
	 * Boot's context settings.
	 *
	 * @param include whether MDC entries and key/values are written
	 * @param prefix the prefix of their names
	 */
	public record Context(@DefaultValue("true") boolean include, String prefix) {

		String prefixOrEmpty() {
			return (this.prefix != null) ? this.prefix : "";
		}

	}

	/**
	 * Boot's stack trace settings.
	 *
	 * @param printer {@code loggingsystem}, {@code standard} or a class name
	 * @param root which throwable comes first
	 * @param maxLength the maximum length of the printed stack trace
	 * @param maxThrowableDepth the maximum frames per throwable
	 * @param includeCommonFrames whether frames in common with the enclosing throwable are printed
	 * @param includeHashes whether a hash of each stack trace is printed
	 */
	public record StackTrace(String printer, Root root, Integer maxLength, Integer maxThrowableDepth,
			Boolean includeCommonFrames, Boolean includeHashes) {

		/**
		 * The printer Boot would use, or {@code null} for Logback's own printing.
		 * @return the printer
		 */
		StackTracePrinter createPrinter() {
			String name = sanitizedPrinter();
			if ("loggingsystem".equals(name) || (name.isEmpty() && !hasAnyOtherProperty())) {
				return null;
			}
			StandardStackTracePrinter printer = (this.root == Root.FIRST) ? StandardStackTracePrinter.rootFirst()
					: StandardStackTracePrinter.rootLast();
			if (this.maxLength != null) {
				printer = printer.withMaximumLength(this.maxLength);
			}
			if (this.maxThrowableDepth != null) {
				printer = printer.withMaximumThrowableDepth(this.maxThrowableDepth);
			}
			if (Boolean.TRUE.equals(this.includeCommonFrames)) {
				printer = printer.withCommonFrames();
			}
			if (Boolean.TRUE.equals(this.includeHashes)) {
				printer = printer.withHashes();
			}
			return printer;
		}

		boolean hasCustomPrinter() {
			String name = sanitizedPrinter();
			return !name.isEmpty() && !"loggingsystem".equals(name) && !"standard".equals(name);
		}

		private String sanitizedPrinter() {
			return (this.printer != null) ? this.printer.toLowerCase(Locale.ROOT).replace("-", "") : "";
		}

		private boolean hasAnyOtherProperty() {
			return Stream.of(this.root, this.maxLength, this.maxThrowableDepth, this.includeCommonFrames,
					this.includeHashes)
				.anyMatch((value) -> value != null);
		}

		/** Which throwable of a cause chain is printed first. */
		public enum Root {

			/** The outermost throwable first, as Java prints it. */
			LAST,

			/** The root cause first. */
			FIRST

		}

	}

}
