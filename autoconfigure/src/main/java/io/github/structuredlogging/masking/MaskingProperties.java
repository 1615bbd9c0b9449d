package io.github.structuredlogging.masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import io.github.structuredlogging.validation.ValidRegex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for masking sensitive values before any event is written: by field name wherever the field appears
 * (key/values, MDC, nested objects, business events), and by value pattern inside any text (messages, exception
 * messages and stack traces included).
 */
@ConfigurationProperties(prefix = MaskingProperties.PREFIX)
public class MaskingProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.masking";

	/**
	 * Whether to mask sensitive fields and values in the JSON output.
	 */
	private boolean enabled = true;

	/**
	 * Text written in place of a masked value or of the secret part of a masked pattern.
	 */
	@NotNull
	private String replacement = "****";

	/**
	 * Field names whose value is masked whatever it holds, at any depth. Matched ignoring case, dashes and
	 * underscores, so "api_key" also masks "apiKey" and "API-KEY", and also as the end of a longer name, so
	 * "password" also masks "db_password" and "newPassword".
	 */
	@NotNull
	private List<@NotBlank String> fields = new ArrayList<>(List.of("password", "passwd", "pwd", "passphrase",
			"secret", "token", "api_key", "apikey", "private_key", "access_key", "credentials", "authorization",
			"cookie", "jsessionid"));

	/**
	 * Value patterns, by name. The built-in names are private-key, url-credentials, cookie-header, password-pair,
	 * bearer-token, jwt, service-token, aws-access-key, aws-secret-key and card-number (on by default) and email
	 * and iban (off by default); set "enabled" to switch one. Any other name adds a pattern of your own from its
	 * "regex"; a named group "secret" in it masks only that part of the match.
	 */
	@NotNull
	private Map<String, @Valid PatternProperties> patterns = new LinkedHashMap<>();

	/**
	 * Whether a masked card number keeps its last four digits after the replacement, for support cases.
	 */
	private boolean keepLastFourDigits = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getReplacement() {
		return this.replacement;
	}

	public void setReplacement(String replacement) {
		this.replacement = replacement;
	}

	public List<String> getFields() {
		return this.fields;
	}

	public void setFields(List<String> fields) {
		this.fields = fields;
	}

	public Map<String, PatternProperties> getPatterns() {
		return this.patterns;
	}

	public void setPatterns(Map<String, PatternProperties> patterns) {
		this.patterns = patterns;
	}

	public boolean isKeepLastFourDigits() {
		return this.keepLastFourDigits;
	}

	public void setKeepLastFourDigits(boolean keepLastFourDigits) {
		this.keepLastFourDigits = keepLastFourDigits;
	}

	/**
	 * One named value pattern.
	 */
	public static class PatternProperties {

		/**
		 * Whether the pattern is applied. Unset means on, except for the built-in patterns that are off by default.
		 */
		private Boolean enabled;

		/**
		 * Regular expression of your own pattern, found anywhere in a text value. Not used for built-in names.
		 */
		@ValidRegex
		private String regex;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public String getRegex() {
			return this.regex;
		}

		public void setRegex(String regex) {
			this.regex = regex;
		}

	}

}
