package io.github.structuredlogging.masking;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueMaskersTests {

	private final CardNumberValueMasker cards = new CardNumberValueMasker("****", false);

	@Test
	void masksLuhnValidCardNumbersInAnyGrouping() {
		assertThat(this.cards.mask(null, "card 4111111111111111 ok")).isEqualTo("card **** ok");
		assertThat(this.cards.mask(null, "card 4111-1111-1111-1111")).isEqualTo("card ****");
		assertThat(this.cards.mask(null, "amex 3782 822463 10005.")).isEqualTo("amex ****.");
		assertThat(this.cards.mask(null, 4111111111111111L)).isEqualTo("****");
		assertThat(this.cards.mask(null, new BigInteger("5555555555554444"))).isEqualTo("****");
	}

	@Test
	void leavesNumbersThatAreNotCardNumbersAlone() {
		assertThat(this.cards.mask(null, "order 4111111111111112")).isNull();
		assertThat(this.cards.mask(null, "at 1764432000000 ms")).isNull();
		assertThat(this.cards.mask(null, "id 41111111111111110")).isNull();
		assertThat(this.cards.mask(null, "4111 1111")).isNull();
		assertThat(this.cards.mask(null, 4111111111111112L)).isNull();
		assertThat(this.cards.mask(null, 42)).isNull();
	}

	@Test
	void leavesUuidsAndHexIdsWhoseDigitGroupsPassLuhnAlone() {
		assertThat(this.cards.mask(null, "order 0a1b2c3d-4111-1111-1111-1111aaaaaaaa")).isNull();
		assertThat(this.cards.mask(null, "trace ab4111111111111111")).isNull();
		assertThat(this.cards.mask(null, "4111111111111111cd")).isNull();
	}

	@Test
	void findsACardNumberRightAfterACandidateThatFails() {
		assertThat(this.cards.mask(null, "ref 2 4111111111111111")).isEqualTo("ref 2 ****");
	}

	@Test
	void keepsTheLastFourDigitsWhenAsked() {
		assertThat(new CardNumberValueMasker("****", true).mask(null, "card 4111 1111 1111 1234 "))
			.isNull();
		assertThat(new CardNumberValueMasker("****", true).mask(null, "card 4111 1111 1111 1111 "))
			.isEqualTo("card ****1111 ");
	}

	@Test
	void masksOnlyTheSecretGroupAndWritesTheReplacementLiterally() {
		PatternValueMasker masker = new PatternValueMasker(Pattern.compile("pin=(?<secret>\\d+)"), "$1\\");
		assertThat(masker.mask(null, "pin=1234 and pin=99")).isEqualTo("pin=$1\\ and pin=$1\\");
		assertThat(masker.mask(null, "no pin")).isNull();
		assertThat(masker.mask(null, 1234)).isNull();
	}

	@Test
	void masksPasswordPairsBearerTokensAndJwtsInText() {
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "login password=hunter2&user=bob"))
			.isEqualTo("login password=****&user=bob");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "{\"api_key\": \"k-123\", \"name\": \"x\"}"))
			.isEqualTo("{\"api_key\": \"****\", \"name\": \"x\"}");
		assertThat(mask(BuiltInPattern.BEARER_TOKEN, "Authorization: Bearer abcdefgh12345678"))
			.isEqualTo("Authorization: Bearer ****");
		assertThat(mask(BuiltInPattern.JWT, "t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl end"))
			.isEqualTo("t=**** end");
		assertThat(mask(BuiltInPattern.EMAIL, "from alice.smith@example.co.uk")).isEqualTo("from ****");
		assertThat(mask(BuiltInPattern.IBAN, "to DE89 3704 0044 0532 0130 00 now")).isEqualTo("to **** now");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "the password policy changed")).isNull();
	}

	@Test
	void matchesFieldNamesIgnoringCaseDashesAndUnderscores() {
		assertThat(CaseInsensitiveFieldMasker.normalize("API-Key")).isEqualTo("apikey");
		assertThat(CaseInsensitiveFieldMasker.normalize("accessToken")).isEqualTo("accesstoken");
		assertThat(CaseInsensitiveFieldMasker.normalize("password")).isSameAs("password");
	}

	private static Object mask(BuiltInPattern pattern, String value) {
		return pattern.masker("****", false).mask(null, value);
	}

}
