package io.github.structuredlogging.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first pass of {@link TextFeatures} may only send text on to the full scan, never hide a feature from it: a
 * text it calls featureless would be passed by every built-in pattern unmasked. Checked on the secret and
 * non-secret corpora, on text built from the characters the passes treat specially, and on the typical values of
 * a request event, which must take the first pass only.
 */
class TextFeaturesTests {

	private static final long SEED = Long.getLong("textFeatures.seed", 20261130L);

	/** Characters either pass treats on their own: markers, separators, escapes, token characters, non-ASCII. */
	private static final String ALPHABET = "0123456789aAbBeEjJyYrsicz_+/-. \t%\\=:@3DdCc2F\u00A0\u2007\u202F\u00e9\u2028";

	private static final String[] WORDS = { "bearer ", "Basic ", "eyJ", "%3D", "%3a", "%20", "%C2%A0", "\\t",
			"\\u00a0", "4111", "1111 ", "-", "  " };

	@Test
	void firstPassNeverHidesAFeatureOfASecretOrNonSecret() {
		SecretCorpus corpus = new SecretCorpus(SEED);
		List<String> texts = new ArrayList<>(corpus.nonSecrets());
		List<SecretCorpus.Secret> secrets = new ArrayList<>();
		secrets.addAll(corpus.cardNumbers());
		secrets.addAll(corpus.keyedSecrets());
		secrets.addAll(corpus.credentialsWithoutKeyWord());
		secrets.addAll(corpus.betweenLineSeparators());
		secrets.forEach((secret) -> texts.add(secret.phrase()));
		texts.addAll(corpus.sessionIds());
		assertThat(texts).hasSizeGreaterThan(300);
		texts.forEach(TextFeaturesTests::assertFirstPassAgrees);
	}

	@Test
	void firstPassNeverHidesAFeatureOfRandomText() {
		SplittableRandom random = new SplittableRandom(SEED);
		int sentOn = 0;
		for (int i = 0; i < 200_000; i++) {
			StringBuilder text = new StringBuilder();
			int parts = random.nextInt(1, 40);
			for (int j = 0; j < parts; j++) {
				if (random.nextInt(4) == 0) {
					text.append(WORDS[random.nextInt(WORDS.length)]);
				}
				else {
					text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				}
			}
			assertFirstPassAgrees(text.toString());
			sentOn += TextFeatures.mayHaveFeatures(text.toString()) ? 1 : 0;
		}
		assertThat(sentOn).as("texts the first pass sends to the full scan (seed %d)", SEED)
			.isBetween(1, 200_000 - 1);
	}

	/**
	 * Most random texts hold a marker character, which sends them on at once; without any, the first pass has to
	 * measure digit runs and tokens and find schemes itself.
	 */
	@Test
	void firstPassNeverHidesAFeatureOfTextWithoutMarkers() {
		String alphabet = "0123456789aAbBeEsScCirR_+/-. \t\n\u000B\u00A0\u00e9";
		String[] words = { "bearer ", "Basic\t", "basic", "BEARER", "4111", "1111 ", "-", "  ", "ba", "be " };
		SplittableRandom random = new SplittableRandom(SEED);
		int sentOn = 0;
		for (int i = 0; i < 200_000; i++) {
			StringBuilder text = new StringBuilder();
			int parts = random.nextInt(1, 60);
			for (int j = 0; j < parts; j++) {
				if (random.nextInt(4) == 0) {
					text.append(words[random.nextInt(words.length)]);
				}
				else {
					text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			assertFirstPassAgrees(text.toString());
			sentOn += TextFeatures.mayHaveFeatures(text.toString()) ? 1 : 0;
		}
		assertThat(sentOn).as("texts the first pass sends to the full scan (seed %d)", SEED)
			.isBetween(20_000, 180_000);
	}

	@Test
	void firstPassSendsOnFeaturesBeyondTheRangeOfItsCounters() {
		String digits = "4".repeat(70_000);
		String token = "a".repeat(70_000);
		String spaces = " ".repeat(70_000);
		for (String text : List.of(digits, token, spaces + "Bearer abcdefgh12345678", "x" + spaces + "=",
				"b".repeat(70_000) + "asic x", digits.replace('4', '.') + "4111 1111 1111 1111")) {
			assertThat(TextFeatures.mayHaveFeatures(text)).as("%d characters", text.length()).isTrue();
			assertThat(TextFeatures.of(text)).as("%d characters", text.length()).isNotZero();
		}
		assertThat(TextFeatures.mayHaveFeatures(spaces + "1234 5678 ab " + spaces)).isFalse();
	}

	@Test
	void firstPassAloneClearsTheValuesOfATypicalEvent() {
		for (String value : List.of("Order 7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42 placed for 3 items", "abc-123",
				"62d2a533-0b90-47d6-b32c-0a559d3cb052", "user-42", "book", "order 1234567890 of 12 items")) {
			assertThat(TextFeatures.mayHaveFeatures(value)).as(value).isFalse();
		}
	}

	@Test
	void firstPassSendsOnEveryKindOfFeature() {
		for (String value : List.of("4111 1111 1111 1111", "4111%201111%201111%201111", "a=b", "a%3Db", "x:y",
				"Bearer abc", "basic abc", "eyJhbGc", "me@example.org", "abcdefghijABCDEFGHIJ")) {
			assertThat(TextFeatures.mayHaveFeatures(value)).as(value).isTrue();
			assertThat(TextFeatures.of(value)).as(value).isNotZero();
		}
	}

	private static void assertFirstPassAgrees(String text) {
		if (!TextFeatures.mayHaveFeatures(text)) {
			assertThat(TextFeatures.scan(text)).as("features of %s hidden by the first pass (seed %d)",
					escaped(text), SEED).isZero();
		}
		assertThat(TextFeatures.of(text)).as(escaped(text)).isEqualTo(TextFeatures.scan(text));
	}

	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder("\"");
		text.chars().forEach((c) -> escaped.append((c < ' ' || c > '~') ? String.format("\\u%04x", c) : (char) c));
		return escaped.append('"').toString();
	}

}
