package io.github.structuredlogging.masking;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import net.logstash.logback.mask.MaskingJsonGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@link MaskingGenerator} against logstash-logback-encoder's {@link MaskingJsonGenerator}, which it
 * replaced for speed: random documents written through every write method both cover must come out the same, and
 * the write methods the old generator let through must now be masked too.
 */
class MaskingGeneratorTests {

	private static final long SEED = Long.getLong("masking.generator.seed", 20261130L);

	private static final int DOCUMENTS = 2000;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Set<String> TRUSTED = Set.of("level", "thread");

	private static final List<String> NAMES = List.of("password", "db_password", "apiKey", "Authorization",
			"client-secret", "item", "message", "level", "thread", "user_id", "amount", "password_policy");

	private static final List<String> TEXTS = List.of("book", "4111 1111 1111 1111", "ref 4111111111111111 123",
			"password=hunter2", "Bearer abcdefgh12345678", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
			"order 7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42", "https://user:s3cr3t@example.com/x", "2026-11-30T01:58:21Z",
			"", "1234567890123", "AKIAABCDEFGHIJKLMNOP", "plain text with no secret", "é ü \u2028");

	private final MaskingProperties properties = new MaskingProperties();

	private final MaskingDecorator decorator = (MaskingDecorator) Maskers.decorator(this.properties, TRUSTED);

	@Test
	void writesWhatLogstashMaskingWritesForRandomDocuments() {
		Random random = new Random(SEED);
		for (int document = 0; document < DOCUMENTS; document++) {
			long documentSeed = random.nextLong();
			Consumer<JsonGenerator> writer = (generator) -> writeDocument(generator, new Random(documentSeed), 0);
			assertThat(write(this.decorator::decorate, writer))
				.as("document %d (seed %d, set -Dmasking.generator.seed to repeat)", document, SEED)
				.isEqualTo(write(this::logstashMasking, writer));
		}
	}

	@Test
	void randomDocumentsHoldMaskedFieldsAndCardNumbers() {
		Random random = new Random(SEED);
		String all = write(this.decorator::decorate, (generator) -> {
			generator.writeStartArray();
			for (int document = 0; document < 200; document++) {
				writeDocument(generator, random, 0);
			}
			generator.writeEndArray();
		});
		assertThat(all).contains("\"password\":\"****\"").contains("\"item\":").doesNotContain("4111111111111111")
			.doesNotContain("hunter2");
	}

	@Test
	void masksEveryValueOfAnArrayOrObjectUnderASensitiveName() {
		String json = write(this.decorator::decorate, (generator) -> {
			generator.writeStartObject();
			generator.writeName("credentials");
			generator.writeStartObject();
			generator.writeName("user");
			generator.writeString("alice");
			generator.writeName("nested");
			generator.writeStartObject();
			generator.writeStringProperty("pin", "1234");
			generator.writeEndObject();
			generator.writeEndObject();
			generator.writeName("access_token");
			generator.writeArray(new String[] { "abc", "def" }, 0, 2);
			generator.writeName("item");
			generator.writeString("book");
			generator.writeEndObject();
		});
		assertThat(json).isEqualTo("{\"credentials\":\"****\",\"access_token\":\"****\",\"item\":\"book\"}");
	}

	@Test
	void masksWhatLogstashMaskingLetThrough() {
		String card = "4111111111111111";
		String json = write(this.decorator::decorate, (generator) -> {
			generator.writeStartObject();
			generator.writeName("strings");
			generator.writeArray(new String[] { "book", "card " + card }, 0, 2);
			generator.writeName("digits");
			generator.writeNumber(card.toCharArray(), 0, card.length());
			generator.writeName("read");
			generator.writeString(new StringReader("password=hunter2"), -1);
			generator.writeName("raw");
			byte[] raw = ("card " + card).getBytes(StandardCharsets.UTF_8);
			generator.writeRawUTF8String(raw, 0, raw.length);
			generator.writeName("longs");
			generator.writeArray(new long[] { 42, Long.parseLong(card) }, 0, 2);
			generator.writeEndObject();
		});
		assertThat(json).isEqualTo("{\"strings\":[\"book\",\"card ****\"],\"digits\":\"****\","
				+ "\"read\":\"password=****\",\"raw\":\"card ****\",\"longs\":[42,\"****\"]}");
	}

	@Test
	void writesTrustedTopLevelFieldsUnpatternedButTheSameNamesNestedPatterned() {
		String json = write(this.decorator::decorate, (generator) -> {
			generator.writeStartObject();
			generator.writeStringProperty("level", "password=hunter2");
			generator.writeName("nested");
			generator.writeStartObject();
			generator.writeStringProperty("level", "password=hunter2");
			generator.writeEndObject();
			generator.writeName("level");
			generator.writeArray(new String[] { "password=hunter2" }, 0, 1);
			generator.writeEndObject();
		});
		assertThat(json).isEqualTo("{\"level\":\"password=hunter2\",\"nested\":{\"level\":\"password=****\"},"
				+ "\"level\":[\"password=****\"]}");
	}

	/**
	 * Writes a random object through the write methods both generators mask: names as strings and serialized
	 * strings, strings as strings, characters, serialized strings and UTF-8, numbers of every type, objects through
	 * the mapper, nested objects and arrays.
	 */
	private static void writeDocument(JsonGenerator generator, Random random, int depth) {
		generator.writeStartObject();
		int fields = random.nextInt(6);
		for (int field = 0; field < fields; field++) {
			String name = NAMES.get(random.nextInt(NAMES.size()));
			if (random.nextBoolean()) {
				generator.writeName(name);
			}
			else {
				generator.writeName(new SerializedString(name));
			}
			writeValue(generator, random, depth);
		}
		generator.writeEndObject();
	}

	private static void writeValue(JsonGenerator generator, Random random, int depth) {
		String text = TEXTS.get(random.nextInt(TEXTS.size()));
		switch (random.nextInt(depth < 3 ? 16 : 13)) {
			case 0 -> generator.writeString(text);
			case 1 -> generator.writeString(text.toCharArray(), 0, text.length());
			case 2 -> generator.writeString(new SerializedString(text));
			case 3 -> {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				generator.writeUTF8String(bytes, 0, bytes.length);
			}
			case 4 -> generator.writeNumber(random.nextBoolean() ? 4111111111111111L : random.nextInt(1000));
			case 5 -> generator.writeNumber(new BigInteger(random.nextBoolean() ? "4111111111111111" : "123"));
			case 6 -> generator.writeNumber(random.nextBoolean() ? "4111111111111111" : "12.5");
			case 7 -> generator.writeNumber(new BigDecimal("42.5"));
			case 8 -> generator.writeNumber(random.nextDouble());
			case 9 -> generator.writeBoolean(random.nextBoolean());
			case 10 -> generator.writeNull();
			case 11 -> generator.writeNumber((short) 7);
			case 12 -> generator.writeArray(new int[] { 1, 2, 3 }, 0, 3);
			case 13 -> writeDocument(generator, random, depth + 1);
			case 14 -> {
				generator.writeStartArray();
				int values = random.nextInt(4);
				for (int value = 0; value < values; value++) {
					writeValue(generator, random, depth + 1);
				}
				generator.writeEndArray();
			}
			default -> {
				Map<String, Object> pojo = new LinkedHashMap<>();
				pojo.put(NAMES.get(random.nextInt(NAMES.size())), text);
				pojo.put("list", new ArrayList<>(List.of(text, 4111111111111111L)));
				generator.writePOJO(pojo);
			}
		}
	}

	/** The generator the starter installed before, configured with the same rules. */
	private JsonGenerator logstashMasking(JsonGenerator generator) {
		String replacement = this.properties.getReplacement();
		ValueMaskerChain values = this.decorator.values();
		return new MaskingJsonGenerator(generator,
				List.of((context) -> (context.hasCurrentName() && this.decorator.isMaskedField(context.currentName()))
						? replacement : null),
				List.of((context, value) -> isTrusted(context) ? null : values.mask(context, value)));
	}

	private static boolean isTrusted(TokenStreamContext context) {
		TokenStreamContext parent = context.getParent();
		return parent != null && parent.inRoot() && context.hasCurrentName()
				&& TRUSTED.contains(context.currentName());
	}

	private static String write(UnaryOperator<JsonGenerator> decoration,
			Consumer<JsonGenerator> writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = decoration.apply(MAPPER.createGenerator(out))) {
			writer.accept(generator);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
