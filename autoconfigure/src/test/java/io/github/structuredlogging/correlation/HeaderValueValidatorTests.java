package io.github.structuredlogging.correlation;

import io.github.structuredlogging.correlation.HeaderValueValidator.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValueValidatorTests {

	private final HeaderValueValidator permissive = new HeaderValueValidator(64, ".*");

	@Test
	void rejectsControlAndNonAsciiCharactersWhateverThePatternAllows() {
		assertThat(this.permissive.check("abc\r\n{\"level\":\"ERROR\"}")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
		assertThat(this.permissive.check("a\u0000b")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
		assertThat(this.permissive.check("a\u2028b")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
		assertThat(this.permissive.check("a\ud800b")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
		assertThat(this.permissive.check("a\u007fb")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
		assertThat(this.permissive.check("caf\u00e9")).isEqualTo(Rejection.UNSAFE_CHARACTERS);
	}

	@Test
	void acceptsPrintableAsciiThatMatchesAndRejectsTooLongValuesFirst() {
		assertThat(this.permissive.check("Bearer abc, def")).isNull();
		assertThat(this.permissive.check("x".repeat(65))).isEqualTo(Rejection.TOO_LONG);
		assertThat(new HeaderValueValidator(64, "[a-z]+").check("abc-1")).isEqualTo(Rejection.INVALID_CHARACTERS);
	}

}
