package io.github.structuredlogging.identity;

import java.security.Principal;
import java.util.List;

import io.github.structuredlogging.correlation.SessionFingerprint;
import io.github.structuredlogging.identity.IdentityProperties.PrincipalForm;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalNamesTests {

	private static final String KEY = "0123456789abcdef-test-key";

	@Test
	void anAuthenticatedPrincipalIsWrittenRawByDefault() {
		assertThat(new PrincipalNames(PrincipalForm.RAW, null).of(authenticated("alice"))).isEqualTo("alice");
	}

	@Test
	void theHashedFormIsTheKeyedFingerprintAndNeverTheName() {
		String hashed = new PrincipalNames(PrincipalForm.HASHED, KEY).of(authenticated("alice"));

		assertThat(hashed).matches("[0-9a-f]{16}")
			.isEqualTo(SessionFingerprint.withKey(KEY).of("alice"))
			.isEqualTo(new PrincipalNames(PrincipalForm.HASHED, KEY).of(authenticated("alice")))
			.isNotEqualTo(new PrincipalNames(PrincipalForm.HASHED, KEY).of(authenticated("alicf")))
			.isNotEqualTo(new PrincipalNames(PrincipalForm.HASHED, KEY + "2").of(authenticated("alice")));
	}

	@Test
	void anonymousUnauthenticatedAndMissingPrincipalsWriteNothing() {
		PrincipalNames names = new PrincipalNames(PrincipalForm.RAW, null);
		Principal anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		Principal unauthenticated = UsernamePasswordAuthenticationToken.unauthenticated("bob", "secret");
		Principal blank = () -> "";

		for (Principal principal : List.of(anonymous, unauthenticated, blank)) {
			assertThat(names.of(principal)).as(principal.toString()).isNull();
		}
		assertThat(names.of(null)).isNull();
	}

	private static Principal authenticated(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "secret-password",
				AuthorityUtils.createAuthorityList("ROLE_USER"));
	}

}
