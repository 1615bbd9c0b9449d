package io.github.structuredlogging.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import io.github.structuredlogging.exchange.HttpExchange.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeBodiesTests {

	private static final String JSON = "application/json";

	private static final String SECRET = "4111111111111111";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(ints = { -2, -1, 0, 1, 2 })
	void aBodyAroundTheCapIsKeptWholeUpToItAndMarkedCutPastIt(int offset) {
		String body = "{\"note\":\"" + "n".repeat(40) + "\",\"id\":7}";
		int cap = body.length() - offset;
		ExchangeBodies bodies = new ExchangeBodies(cap);

		Body rendered = render(bodies, body, JSON);

		assertThat(rendered.truncated()).isEqualTo(offset > 0);
		JsonNode tree = (JsonNode) rendered.content();
		if (offset <= 0) {
			assertThat(tree).isEqualTo(MAPPER.readTree(body));
		}
		else {
			assertThat(tree.get("note").asString()).isEqualTo("n".repeat(40));
			assertThat(tree.has("id")).as("7 ends at the cut, it may be the start of a longer number").isFalse();
		}
	}

	@Test
	void aCutAtEveryOffsetOfASecretKeepsAllOfItForMaskingOrNoneOfIt() {
		String body = "{\"order\":\"o-1\",\"card\":\"" + SECRET + "\",\"pin\":" + "98765432" + ",\"ok\":true}";
		for (int cap = 1; cap <= body.length() + 2; cap++) {
			Body rendered = render(new ExchangeBodies(cap), body, JSON);
			String written = String.valueOf(rendered.content());
			for (String secret : new String[] { SECRET, "98765432" }) {
				if (!written.contains(secret)) {
					for (int i = 0; i + 6 <= secret.length(); i++) {
						assertThat(written).as("cap %d", cap).doesNotContain(secret.substring(i, i + 6));
					}
				}
			}
			if (rendered.content() != null) {
				assertThat(MAPPER.readTree(written)).as("cap %d still JSON", cap).isNotNull();
			}
		}
	}

	@Test
	void randomCutsOfNestedDocumentsAlwaysGiveValidJsonThatIsAPrefixOfTheOriginal() {
		long seed = 20261129L;
		Random random = new Random(seed);
		String body = "{\"a\":[1,2,{\"b\":\"x\\\"y\",\"c\":[true,false,null]}],\"d\":{\"e\":{\"f\":-1.5e3}},\"g\":\"\\u00e9t\\u00e9\"}";
		JsonNode whole = MAPPER.readTree(body);
		for (int run = 0; run < 200; run++) {
			int cap = 1 + random.nextInt(body.length() + 3);
			Body rendered = render(new ExchangeBodies(cap), body, JSON);
			assertThat(rendered.truncated()).as("seed %d cap %d", seed, cap).isEqualTo(cap < body.length());
			if (cap >= body.length()) {
				assertThat(rendered.content()).as("seed %d cap %d", seed, cap).isEqualTo(whole);
			}
			else if (rendered.content() != null) {
				assertThat(MAPPER.readTree(rendered.content().toString())).as("seed %d cap %d", seed, cap).isNotNull();
			}
		}
	}

	@Test
	void formBodiesBecomeFieldsSoMaskingByNameReachesThem() {
		Body rendered = render(new ExchangeBodies(4096), "user=alice&password=hunter%202", "application/x-www-form-urlencoded");

		assertThat(rendered.content()).isEqualTo(Map.of("user", "alice", "password", "hunter 2"));
	}

	@Test
	void aCutFormBodyLeavesOutItsLastPair() {
		String body = "user=alice&password=hunter2";

		Body rendered = render(new ExchangeBodies(body.length() - 2), body, "application/x-www-form-urlencoded");

		assertThat(rendered.content()).isEqualTo(Map.of("user", "alice"));
		assertThat(rendered.truncated()).isTrue();
	}

	@Test
	void textIsCutWithoutLeavingHalfACharacter() {
		String body = "été".repeat(10);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

		String[] expected = { "", "é", "ét", "ét", "été" };
		for (int cap = 1; cap <= expected.length; cap++) {
			Body rendered = new ExchangeBodies(cap).render(bytes, bytes.length, bytes.length,
					"text/plain;charset=UTF-8");
			assertThat(rendered.content()).as("cap %d", cap).isEqualTo(expected[cap - 1]);
		}
	}

	@Test
	void binaryAndUntypedBodiesAreLeftOut() {
		assertThat(render(new ExchangeBodies(100), "\u0000\u0001", "application/octet-stream")).isNull();
		assertThat(render(new ExchangeBodies(100), "{}", null)).isNull();
		assertThat(render(new ExchangeBodies(100), "{}", "not a type")).isNull();
	}

	@Test
	void invalidJsonIsWrittenAsText() {
		assertThat(render(new ExchangeBodies(100), "{oops", JSON).content()).isEqualTo("{oops");
	}

	private static Body render(ExchangeBodies bodies, String body, String contentType) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return bodies.render(bytes, bytes.length, bytes.length, contentType);
	}

}
