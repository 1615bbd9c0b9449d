package io.github.structuredlogging.destination.kafka;

import java.util.Locale;

/**
 * Compression of the producer's record batches, as Kafka's {@code compression.type} names it.
 */
public enum KafkaCompression {

	/** No compression. */
	NONE,

	/** GZIP: small batches, more CPU. */
	GZIP,

	/** Snappy. */
	SNAPPY,

	/** LZ4: fast, the usual choice for logs. */
	LZ4,

	/** Zstandard: smaller than LZ4 for some more CPU. */
	ZSTD;

	String clientValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
