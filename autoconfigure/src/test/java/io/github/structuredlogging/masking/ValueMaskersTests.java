package io.github.structuredlogging.masking;

import java.math.BigInteger;
import java.util.List;
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
	void triesEveryWindowOfWholeGroupsWhateverTheSeparator() {
		assertThat(this.cards.mask(null, "ref 4111111111111111 123")).isEqualTo("ref **** 123");
		assertThat(this.cards.mask(null, "card 4111-1111-1111-1111-12/27")).isEqualTo("card ****-12/27");
		for (String separator : List.of(".", "/", "\t", "\u00A0", "  ", " - ", "+", "%20", "%C2%A0", "\\t")) {
			String card = String.join(separator, "4111", "1111", "1111", "1111");
			assertThat(this.cards.mask(null, "card " + card + " ok")).as(card).isEqualTo("card **** ok");
		}
		assertThat(this.cards.mask(null, "For input string: \"ref126011 8270 8045 7245cvv\""))
			.isEqualTo("For input string: \"ref12****cvv\"");
	}

	@Test
	void leavesIpAddressesPhoneNumbersAndMixedSeparatorsAlone() {
		assertThat(this.cards.mask(null, "from 203.0.113.5 203.0.113.9")).isNull();
		assertThat(this.cards.mask(null, "call +49 30 12345678")).isNull();
		assertThat(this.cards.mask(null, "shipment 41111111111111111111 123")).isNull();
		assertThat(this.cards.mask(null, "ISBN 978-3-16-148410-0")).isNull();
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
	void masksValuesAfterSecretKeyWordsInEveryNotation() {
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "db_password=hunter2 x")).isEqualTo("db_password=**** x");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "newPassword: 'two words'")).isEqualTo("newPassword: '****'");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "{\\\"client_secret\\\":\\\"a b\\\"}"))
			.isEqualTo("{\\\"client_secret\\\":\\\"****\\\"}");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "passphrase => \"long phrase\"")).isEqualTo("passphrase => \"****\"");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "a=1&refresh_token=abc&b=2")).isEqualTo("a=1&refresh_token=****&b=2");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "%22private_key%22%3A%22abc%22"))
			.isEqualTo("%22private_key%22%3A%22****%22");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "Authorization: Token abc123")).isEqualTo("Authorization: Token ****");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "{\"Authorization\":[\"Bearer abc123\"],\"X\":[\"1\"]}"))
			.isEqualTo("{\"Authorization\":[\"Bearer ****\"],\"X\":[\"1\"]}");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "{\"password\": [ \"hunter2\" ]}"))
			.isEqualTo("{\"password\": [ \"****\" ]}");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "password=[hunter2]")).isEqualTo("password=[****]");
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "bypass=true")).isNull();
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "token_count=512")).isNull();
		assertThat(mask(BuiltInPattern.PASSWORD_PAIR, "Password reset email sent")).isNull();
	}

	@Test
	void theLiteralChecksLetEveryTokenThroughAndSpareTheRegexOnIds() {
		List<String> ids = List.of("6b0caa66eb4ed0198b61f7a94480cfd4", "62d2a533-0b90-47d6-b32c-0a559d3cb052",
				"order-2026-11-30-000042", "8b61f7a94480cfd4");
		for (BuiltInPattern pattern : List.of(BuiltInPattern.SERVICE_TOKEN, BuiltInPattern.AWS_ACCESS_KEY,
				BuiltInPattern.AWS_SECRET_KEY)) {
			assertThat(ids).as(pattern.name()).noneMatch(pattern::mayMatch);
		}
		assertThat(List.of("t ghp_abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_11ABCDEFG0123456789_abcdefghij",
				"xoxb-1234567890-abcdefghij", "sk_live_abcdefghijklmnop1234", "rk_test_abcdefghijklmnop1234",
				"AIzaSyA-abcdefghijklmnopqrstuvwxyz01234"))
			.allMatch(BuiltInPattern.SERVICE_TOKEN::mayMatch);
		assertThat(BuiltInPattern.AWS_ACCESS_KEY.mayMatch("id ASIAIOSFODNN7EXAMPLE")).isTrue();
		assertThat(BuiltInPattern.AWS_SECRET_KEY.mayMatch("k wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isTrue();
		assertThat(mask(BuiltInPattern.SERVICE_TOKEN, "github_pat_11ABCDEFG0123456789_abcdefghij")).isEqualTo("****");
	}

	@Test
	void masksCredentialsThatHaveNoKeyWord() {
		assertThat(mask(BuiltInPattern.URL_CREDENTIALS, "postgres://app:s3cret@db:5432/x"))
			.isEqualTo("postgres://app:****@db:5432/x");
		assertThat(mask(BuiltInPattern.URL_CREDENTIALS, "jdbc:oracle:thin:scott/tiger@ora:1521"))
			.isEqualTo("jdbc:oracle:thin:scott/****@ora:1521");
		assertThat(mask(BuiltInPattern.URL_CREDENTIALS, "http://localhost:8080/actuator")).isNull();
		assertThat(mask(BuiltInPattern.COOKIE_HEADER, "Cookie: SESSION=abc; theme=dark")).isEqualTo("Cookie: ****");
		assertThat(mask(BuiltInPattern.AWS_ACCESS_KEY, "id AKIAIOSFODNN7EXAMPLE ok")).isEqualTo("id **** ok");
		assertThat(mask(BuiltInPattern.AWS_SECRET_KEY, "k wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
			.isEqualTo("k ****");
		assertThat(mask(BuiltInPattern.AWS_SECRET_KEY, "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")).isNull();
		assertThat(mask(BuiltInPattern.SERVICE_TOKEN, "t ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("t ****");
		assertThat(mask(BuiltInPattern.PRIVATE_KEY, "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))
			.isEqualTo("-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----");
		assertThat(mask(BuiltInPattern.BEARER_TOKEN, "Bearer authentication is enabled")).isNull();
	}

	@Test
	void masksFieldsWhoseNameEndsWithAMaskedName() {
		CaseInsensitiveFieldMasker fields = new CaseInsensitiveFieldMasker(List.of("password", "secret"));
		assertThat(fields.isMasked("db_password")).isTrue();
		assertThat(fields.isMasked("newPassword")).isTrue();
		assertThat(fields.isMasked("client-secret")).isTrue();
		assertThat(fields.isMasked("password_policy")).isFalse();
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
