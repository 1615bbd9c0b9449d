package io.github.structuredlogging.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, growable byte buffer that an output encodes its events into and writes out once per batch, so that no
 * {@code byte[]} is made per event. An event that fails halfway through its encoding can be taken back with
 * {@link #rewind}, so a stream never receives half an event. Not thread-safe: its output guards it.
 */
public final class EventBuffer extends OutputStream {

	private final int initialCapacity;

	private byte[] bytes;

	private int size;

	/**
	 * Creates a buffer.
	 * @param initialCapacity the capacity it starts with and returns to after an unusually large batch
	 */
	public EventBuffer(int initialCapacity) {
		this.initialCapacity = initialCapacity;
		this.bytes = new byte[initialCapacity];
	}

	@Override
	public void write(int b) {
		ensureCapacity(this.size + 1);
		this.bytes[this.size++] = (byte) b;
	}

	@Override
	public void write(byte[] source, int offset, int length) {
		ensureCapacity(this.size + length);
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	/**
	 * Bytes held, which is also the mark to {@linkplain #rewind rewind} to before an event is encoded.
	 * @return the count of bytes
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Takes back everything written after the mark: the part of an event whose encoding failed.
	 * @param mark the size before the event was encoded
	 */
	public void rewind(int mark) {
		if (mark < 0 || mark > this.size) {
			throw new IllegalArgumentException("Mark " + mark + " outside 0.." + this.size);
		}
		this.size = mark;
	}

	/**
	 * Writes the bytes held to the stream in one call and empties the buffer. A buffer grown by an unusually large
	 * batch is given back, so one huge event does not pin its memory for the life of the application.
	 * @param stream the stream
	 * @throws IOException when the stream fails; the buffer is emptied all the same
	 */
	public void writeTo(OutputStream stream) throws IOException {
		try {
			if (this.size > 0) {
				stream.write(this.bytes, 0, this.size);
			}
		}
		finally {
			this.size = 0;
			if (this.bytes.length > 4 * this.initialCapacity) {
				this.bytes = new byte[this.initialCapacity];
			}
		}
	}

	private void ensureCapacity(int needed) {
		if (needed > this.bytes.length) {
			if (needed < 0) {
				throw new OutOfMemoryError("Event buffer past 2 GB");
			}
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, this.bytes.length * 2));
		}
	}

}
