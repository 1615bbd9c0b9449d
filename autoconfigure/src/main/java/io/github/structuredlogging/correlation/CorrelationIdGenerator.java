package io.github.structuredlogging.correlation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the ids given to requests that arrive without a usable correlation id, and to every request as its
 * request id.
 */
@FunctionalInterface
public interface CorrelationIdGenerator {

	String generate();

	/**
	 * Random version 4 UUIDs. They identify requests, they do not guard anything, so a non-blocking
	 * {@link ThreadLocalRandom} serves instead of {@link UUID#randomUUID()}'s contended {@code SecureRandom}.
	 * @return the generator
	 */
	static CorrelationIdGenerator randomUuid() {
		return () -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long most = (random.nextLong() & ~0xF000L) | 0x4000L;
			long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
			return new UUID(most, least).toString();
		};
	}

}
