package io.github.structuredlogging.correlation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a session id as a keyed fingerprint: the first 64 bits of its HMAC-SHA256, in hex. Lines of one session
 * stay joinable, but the log never holds a value that could take the session over, and without the key a
 * fingerprint cannot be checked against guessed ids either (as OWASP's logging guidance asks for session ids).
 */
public final class SessionFingerprint {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int KEY_BYTES = 32;

	private static final int FINGERPRINT_BYTES = 8;

	private final SecretKeySpec key;

	private SessionFingerprint(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	/**
	 * Creates the fingerprint of the configured key, or of a key generated for this process when none is set (then
	 * fingerprints of the same session differ between instances and restarts).
	 * @param key the configured key, or {@code null}
	 * @return the fingerprint
	 */
	public static SessionFingerprint withKey(String key) {
		if (key != null) {
			return new SessionFingerprint(key.getBytes(StandardCharsets.UTF_8));
		}
		byte[] generated = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(generated);
		return new SessionFingerprint(generated);
	}

	/**
	 * The fingerprint of a value.
	 * @param value the session id
	 * @return 16 hex digits
	 */
	public String of(String value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every Java platform", ex);
		}
	}

}
