package io.github.structuredlogging.identity;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for writing who made a request: the name of the principal Spring Security authenticated, on every line
 * written while handling it.
 */
@ConfigurationProperties(prefix = IdentityProperties.PREFIX)
public class IdentityProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.identity";

	/**
	 * Whether to write the authenticated principal's name on every line of a request. Anonymous requests carry no
	 * principal.
	 */
	private boolean enabled = true;

	/**
	 * MDC key and JSON field of the principal's name.
	 */
	@NotBlank
	private String principalKey = "principal";

	/**
	 * How the principal's name is written: "raw", or "hashed" as a keyed fingerprint that keeps one user's lines
	 * joinable without writing who it is.
	 */
	@NotNull
	private PrincipalForm principalForm = PrincipalForm.RAW;

	/**
	 * Key of the hashed form, so that fingerprints match across instances and restarts. When unset, a random key is
	 * generated for each process.
	 */
	@Size(min = 16)
	private String fingerprintKey;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPrincipalKey() {
		return this.principalKey;
	}

	public void setPrincipalKey(String principalKey) {
		this.principalKey = principalKey;
	}

	public PrincipalForm getPrincipalForm() {
		return this.principalForm;
	}

	public void setPrincipalForm(PrincipalForm principalForm) {
		this.principalForm = principalForm;
	}

	public String getFingerprintKey() {
		return this.fingerprintKey;
	}

	public void setFingerprintKey(String fingerprintKey) {
		this.fingerprintKey = fingerprintKey;
	}

	/**
	 * How the principal's name appears in the logs.
	 */
	public enum PrincipalForm {

		/** The name as Spring Security reports it. */
		RAW,

		/** The first 64 bits of the name's HMAC-SHA256, in hex. */
		HASHED

	}

}
