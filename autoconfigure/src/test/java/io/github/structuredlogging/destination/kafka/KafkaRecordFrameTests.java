package io.github.structuredlogging.destination.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaRecordFrameTests {

	private static final long SEED = 12;

	@Test
	void keepsKeyAndValueApart() {
		byte[] frame = KafkaRecordFrame.frame(bytes("req-42"), bytes("{\"message\":\"hi\"}\n"));
		assertThat(KafkaRecordFrame.key(frame)).isEqualTo(bytes("req-42"));
		assertThat(KafkaRecordFrame.value(frame)).isEqualTo(bytes("{\"message\":\"hi\"}\n"));
	}

	@Test
	void tellsNoKeyFromAnEmptyKey() {
		byte[] noKey = KafkaRecordFrame.frame(null, bytes("v"));
		byte[] emptyKey = KafkaRecordFrame.frame(new byte[0], bytes("v"));
		assertThat(KafkaRecordFrame.key(noKey)).isNull();
		assertThat(KafkaRecordFrame.key(emptyKey)).isEmpty();
		assertThat(KafkaRecordFrame.value(noKey)).isEqualTo(bytes("v"));
		assertThat(KafkaRecordFrame.value(emptyKey)).isEqualTo(bytes("v"));
	}

	@Test
	void roundTripsRandomKeysAndValuesOfEveryLengthNearTheHeader() {
		Random random = new Random(SEED);
		for (int keyLength = -1; keyLength <= 6; keyLength++) {
			for (int valueLength = 0; valueLength <= 6; valueLength++) {
				byte[] key = (keyLength < 0) ? null : random(random, keyLength);
				byte[] value = random(random, valueLength);
				byte[] frame = KafkaRecordFrame.frame(key, value);
				assertThat(KafkaRecordFrame.key(frame)).as("seed %d key %d value %d", SEED, keyLength, valueLength)
					.isEqualTo(key);
				assertThat(KafkaRecordFrame.value(frame)).as("seed %d key %d value %d", SEED, keyLength, valueLength)
					.isEqualTo(value);
			}
		}
	}

	@Test
	void refusesBytesThatAreNoFrame() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaRecordFrame.key(new byte[3]));
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaRecordFrame.value(new byte[] { 0, 0, 0, 5, 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaRecordFrame.key(new byte[] { -1, -1, -1, -2 }));
	}

	private static byte[] random(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
