package io.github.structuredlogging.async;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MessagePatterns} against SLF4J's {@code MessageFormatter}, which is what Logback formats with: every text it
 * produces must be SLF4J's, character for character.
 */
class MessagePatternsTests {

	private static final long SEED = 20261203L;

	@Test
	void fillsPlaceholdersAsSlf4jDoes() {
		assertSameAsSlf4j("Order {} placed for {} items", "7f3c", 3);
		assertSameAsSlf4j("no placeholder", "left out");
		assertSameAsSlf4j("{}{}{}", 1L, 2, "three");
		assertSameAsSlf4j("more {} than {} arguments {}", "placeholders", 2);
		assertSameAsSlf4j("{} at the start and the end {}", null, null);
		assertSameAsSlf4j("{", "x");
		assertSameAsSlf4j("}{", "x");
		assertSameAsSlf4j("{ }", "x");
		assertSameAsSlf4j("", "x");
		assertSameAsSlf4j("{}", Long.MIN_VALUE);
		assertSameAsSlf4j("{} {}", Integer.MIN_VALUE, Integer.MAX_VALUE);
		assertSameAsSlf4j("{} {} {}", 4.25d, 1.0e-10f, new BigDecimal("1E+3"));
		assertSameAsSlf4j("{} {}", UUID.fromString("62d2a533-0b90-47d6-b32c-0a559d3cb052"), true);
		assertSameAsSlf4j("{}", new StringBuilder("mutable"));
		assertSameAsSlf4j("{}", new NullText());
	}

	@Test
	void escapesAsSlf4jDoes() {
		assertSameAsSlf4j("escaped \\{} then {}", "value");
		assertSameAsSlf4j("doubly escaped \\\\{} then {}", "first", "second");
		assertSameAsSlf4j("\\{}", "x");
		assertSameAsSlf4j("\\\\{}", "x");
		assertSameAsSlf4j("\\\\\\{}", "x");
		assertSameAsSlf4j("a\\", "x");
		assertSameAsSlf4j("\\{}\\{}{}", "x", "y");
		assertSameAsSlf4j("trailing backslash {}\\", "x");
	}

	@Test
	void leavesToSlf4jWhatItFormatsItsOwnWay() {
		assertThat(MessagePatterns.formatInto(new StringBuilder(), "{}", new Object[] { new int[] { 1 } })).isFalse();
		assertThat(MessagePatterns.formatInto(new StringBuilder(), "{}", new Object[] { new Object[] { "a" } }))
			.isFalse();
		assertThat(MessagePatterns.formatInto(new StringBuilder(), "{} {}", new Object[] { "a", new FailingText() }))
			.isFalse();
		// Positive control: the same patterns with plain arguments are formatted here.
		assertThat(MessagePatterns.formatInto(new StringBuilder(), "{} {}", new Object[] { "a", "b" })).isTrue();
		// An argument beyond the placeholders is never turned into text, so it cannot make SLF4J's way necessary.
		assertSameAsSlf4j("{}", "a", new int[] { 1 }, new FailingText());
	}

	@Test
	void randomPatternsAreSlf4jsText() {
		Random random = new Random(SEED);
		String alphabet = "{}\\ a{}";
		for (int round = 0; round < 20_000; round++) {
			StringBuilder pattern = new StringBuilder();
			int length = random.nextInt(16);
			for (int i = 0; i < length; i++) {
				pattern.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			List<Object> arguments = new ArrayList<>();
			int count = random.nextInt(5);
			for (int i = 0; i < count; i++) {
				arguments.add(switch (random.nextInt(5)) {
					case 0 -> null;
					case 1 -> random.nextLong();
					case 2 -> random.nextInt();
					case 3 -> "s{}\\" + i;
					default -> random.nextDouble();
				});
			}
			String expected = MessageFormatter.arrayFormat(pattern.toString(), arguments.toArray(), null).getMessage();
			StringBuilder text = new StringBuilder();
			assertThat(MessagePatterns.formatInto(text, pattern.toString(), arguments.toArray()))
				.as("seed %d, round %d", SEED, round)
				.isTrue();
			assertThat(text.toString()).as("seed %d, round %d: pattern '%s', arguments %s", SEED, round, pattern,
					arguments)
				.isEqualTo(expected);
		}
	}

	private static void assertSameAsSlf4j(String pattern, Object... arguments) {
		StringBuilder text = new StringBuilder("kept:");
		assertThat(MessagePatterns.formatInto(text, pattern, arguments)).as(pattern).isTrue();
		assertThat(text.toString()).as(pattern)
			.isEqualTo("kept:" + MessageFormatter.arrayFormat(pattern, arguments, null).getMessage());
	}

	private static final class NullText {

		@Override
		public String toString() {
			return null;
		}

	}

	private static final class FailingText {

		@Override
		public String toString() {
			throw new IllegalStateException("no text");
		}

	}

}
