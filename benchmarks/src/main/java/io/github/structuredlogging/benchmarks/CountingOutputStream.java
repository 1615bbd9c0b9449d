package io.github.structuredlogging.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where an appender writes when only the amount matters: counts the bytes and lines it is given and drops them, or,
 * while {@link #capture() capturing}, also keeps them so a benchmark can check what a variant actually wrote.
 * Appenders write under their own lock, so plain fields suffice.
 */
final class CountingOutputStream extends OutputStream {

	private long bytes;

	private long lines;

	private ByteArrayOutputStream captured;

	@Override
	public void write(int b) {
		this.bytes++;
		if (b == '\n') {
			this.lines++;
		}
		if (this.captured != null) {
			this.captured.write(b);
		}
	}

	@Override
	public void write(byte[] buffer, int offset, int length) {
		this.bytes += length;
		for (int i = offset; i < offset + length; i++) {
			if (buffer[i] == '\n') {
				this.lines++;
			}
		}
		if (this.captured != null) {
			this.captured.write(buffer, offset, length);
		}
	}

	/** Starts keeping what is written, until {@link #captured()} hands it over. */
	void capture() {
		this.captured = new ByteArrayOutputStream();
	}

	/**
	 * The lines written since {@link #capture()}, and stops keeping them.
	 * @return the lines, without their line ends
	 */
	List<String> captured() {
		String text = this.captured.toString(StandardCharsets.UTF_8);
		this.captured = null;
		return text.lines().toList();
	}

	/** Starts counting from zero again. */
	void reset() {
		this.bytes = 0;
		this.lines = 0;
	}

	long bytes() {
		return this.bytes;
	}

	long lines() {
		return this.lines;
	}

}
