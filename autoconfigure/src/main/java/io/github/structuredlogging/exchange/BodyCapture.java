package io.github.structuredlogging.exchange;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Counts the bytes of a WebFlux body as they pass and keeps a copy of the first ones, without consuming them: the
 * body reaches its reader or the client unchanged, and memory stays bounded by the cap.
 */
final class BodyCapture {

	private final byte[] captured;

	private int capturedLength;

	private long count;

	/**
	 * @param captureBytes how many leading bytes to keep, 0 for none
	 */
	BodyCapture(int captureBytes) {
		this.captured = new byte[captureBytes];
	}

	void add(DataBuffer buffer) {
		int readable = buffer.readableByteCount();
		int keep = Math.min(readable, this.captured.length - this.capturedLength);
		if (keep > 0) {
			int position = buffer.readPosition();
			buffer.read(this.captured, this.capturedLength, keep);
			buffer.readPosition(position);
			this.capturedLength += keep;
		}
		this.count += readable;
	}

	byte[] captured() {
		return this.captured;
	}

	int capturedLength() {
		return this.capturedLength;
	}

	long count() {
		return this.count;
	}

}
