package io.github.structuredlogging.limits;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import io.github.structuredlogging.validation.ValidRegex;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on what one event may write, so that hostile or careless input (a request body logged whole, a huge
 * collection, a header stuffed with text) cannot make lines unbounded. Whatever is cut says so, with the original
 * size.
 */
@ConfigurationProperties(prefix = LimitsProperties.PREFIX)
public class LimitsProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.limits";

	/**
	 * Longest message written, in characters; a longer one is cut and ends with a marker giving its original length.
	 */
	@Positive
	private int maxMessageLength = 8192;

	/**
	 * Most key/value pairs written per event; further pairs are dropped and counted in "truncated_key_values".
	 */
	@Positive
	private int maxKeyValueCount = 64;

	/**
	 * Longest text written for one key/value, in characters, at any depth inside it.
	 */
	@Positive
	private int maxValueLength = 2048;

	/**
	 * Most entries written for a collection, map or array inside a key/value; the rest are summarised.
	 */
	@Positive
	private int maxCollectionSize = 100;

	/**
	 * Deepest nesting written inside a key/value; deeper objects are summarised. Also ends self-references.
	 */
	@Min(1)
	@Max(64)
	private int maxNestingDepth = 8;

	/**
	 * Longest MDC value written, in characters.
	 */
	@Positive
	private int maxMdcValueLength = 512;

	/**
	 * Longest exception message written, in characters.
	 */
	@Positive
	private int maxExceptionMessageLength = 2048;

	/**
	 * Most stack frames written per throwable; frames beyond are summarised in one line.
	 */
	@Positive
	private int maxStackDepth = 64;

	/**
	 * Longest stack trace written, in characters, all causes included.
	 */
	@Positive
	private int maxStackTraceLength = 16384;

	/**
	 * Regular expressions of stack frames folded into one "frames excluded" line when consecutive: the plumbing
	 * of frameworks between the frames of the application.
	 */
	@NotNull
	private List<@ValidRegex String> stackTraceExclusions = new ArrayList<>(List.of("^java\\.lang\\.reflect\\.",
			"^jdk\\.internal\\.reflect\\.", "^sun\\.reflect\\.", "^org\\.springframework\\.aop\\.",
			"^org\\.springframework\\.cglib\\.", "^org\\.springframework\\.web\\.filter\\.",
			"^org\\.springframework\\.web\\.servlet\\.", "^org\\.springframework\\.security\\.web\\.",
			"^org\\.apache\\.catalina\\.", "^org\\.apache\\.coyote\\.", "^org\\.apache\\.tomcat\\.",
			"^jakarta\\.servlet\\.", "^io\\.netty\\.", "^reactor\\.core\\.publisher\\."));

	public int getMaxMessageLength() {
		return this.maxMessageLength;
	}

	public void setMaxMessageLength(int maxMessageLength) {
		this.maxMessageLength = maxMessageLength;
	}

	public int getMaxKeyValueCount() {
		return this.maxKeyValueCount;
	}

	public void setMaxKeyValueCount(int maxKeyValueCount) {
		this.maxKeyValueCount = maxKeyValueCount;
	}

	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	public void setMaxValueLength(int maxValueLength) {
		this.maxValueLength = maxValueLength;
	}

	public int getMaxCollectionSize() {
		return this.maxCollectionSize;
	}

	public void setMaxCollectionSize(int maxCollectionSize) {
		this.maxCollectionSize = maxCollectionSize;
	}

	public int getMaxNestingDepth() {
		return this.maxNestingDepth;
	}

	public void setMaxNestingDepth(int maxNestingDepth) {
		this.maxNestingDepth = maxNestingDepth;
	}

	public int getMaxMdcValueLength() {
		return this.maxMdcValueLength;
	}

	public void setMaxMdcValueLength(int maxMdcValueLength) {
		this.maxMdcValueLength = maxMdcValueLength;
	}

	public int getMaxExceptionMessageLength() {
		return this.maxExceptionMessageLength;
	}

	public void setMaxExceptionMessageLength(int maxExceptionMessageLength) {
		this.maxExceptionMessageLength = maxExceptionMessageLength;
	}

	public int getMaxStackDepth() {
		return this.maxStackDepth;
	}

	public void setMaxStackDepth(int maxStackDepth) {
		this.maxStackDepth = maxStackDepth;
	}

	public int getMaxStackTraceLength() {
		return this.maxStackTraceLength;
	}

	public void setMaxStackTraceLength(int maxStackTraceLength) {
		this.maxStackTraceLength = maxStackTraceLength;
	}

	public List<String> getStackTraceExclusions() {
		return this.stackTraceExclusions;
	}

	public void setStackTraceExclusions(List<String> stackTraceExclusions) {
		this.stackTraceExclusions = stackTraceExclusions;
	}

}
