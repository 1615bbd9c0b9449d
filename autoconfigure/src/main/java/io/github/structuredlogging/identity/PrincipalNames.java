package io.github.structuredlogging.identity;

import java.security.Principal;

import io.github.structuredlogging.correlation.SessionFingerprint;
import io.github.structuredlogging.identity.IdentityProperties.PrincipalForm;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;

/**
 * Turns the principal of a request into what its lines carry: nothing for an anonymous or unauthenticated one,
 * else its name, raw or as a keyed fingerprint. Only {@link Principal#getName()} is ever read: credentials, tokens
 * and authorities never reach a line.
 */
public class PrincipalNames {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final SessionFingerprint fingerprint;

	/**
	 * Creates the names.
	 * @param form how names are written
	 * @param fingerprintKey the key of the hashed form, or {@code null} for a key of this process
	 */
	public PrincipalNames(PrincipalForm form, String fingerprintKey) {
		this.fingerprint = (form == PrincipalForm.HASHED) ? SessionFingerprint.withKey(fingerprintKey) : null;
	}

	/**
	 * What the lines of a request made by a principal carry.
	 * @param principal the request's principal, or {@code null}
	 * @return the name to write, or {@code null} to write none
	 */
	public String of(Principal principal) {
		if (principal == null || (principal instanceof Authentication authentication
				&& (!authentication.isAuthenticated() || TRUST.isAnonymous(authentication)))) {
			return null;
		}
		String name = principal.getName();
		if (name == null || name.isEmpty()) {
			return null;
		}
		return (this.fingerprint != null) ? this.fingerprint.of(name) : name;
	}

}
