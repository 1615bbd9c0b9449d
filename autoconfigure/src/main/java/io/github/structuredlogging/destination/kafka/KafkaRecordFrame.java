package io.github.structuredlogging.destination.kafka;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A record's key and value in one byte array: what the pipeline buffers, spills to disk and replays, so a replayed
 * record keeps its key. Layout: the key's length as a 4-byte big-endian int ({@code -1} for no key), the key, then
 * the value.
 */
final class KafkaRecordFrame {

	private static final int HEADER = Integer.BYTES;

	private static final int NO_KEY = -1;

	private KafkaRecordFrame() {
	}

	static byte[] frame(byte[] key, byte[] value) {
		int keyLength = (key != null) ? key.length : 0;
		ByteBuffer frame = ByteBuffer.allocate(HEADER + keyLength + value.length);
		frame.putInt((key != null) ? keyLength : NO_KEY);
		if (key != null) {
			frame.put(key);
		}
		frame.put(value);
		return frame.array();
	}

	static byte[] key(byte[] frame) {
		int keyLength = keyLength(frame);
		return (keyLength == NO_KEY) ? null : Arrays.copyOfRange(frame, HEADER, HEADER + keyLength);
	}

	static byte[] value(byte[] frame) {
		return Arrays.copyOfRange(frame, HEADER + Math.max(0, keyLength(frame)), frame.length);
	}

	private static int keyLength(byte[] frame) {
		if (frame.length < HEADER) {
			throw new IllegalArgumentException("Not a Kafka record frame: " + frame.length + " bytes");
		}
		int keyLength = ByteBuffer.wrap(frame, 0, HEADER).getInt();
		if (keyLength < NO_KEY || keyLength > frame.length - HEADER) {
			throw new IllegalArgumentException("Not a Kafka record frame: key length " + keyLength + " in "
					+ frame.length + " bytes");
		}
		return keyLength;
	}

}
