package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the lines of a log file, one event each. A saturated run writes gigabytes, so this counts newline bytes in
 * large blocks instead of decoding lines.
 */
final class LineCounter {

	private static final int BLOCK = 1 << 20;

	private LineCounter() {
	}

	static long count(Path file) {
		ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
		long lines = 0;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			while (channel.read(block) > 0) {
				block.flip();
				while (block.hasRemaining()) {
					if (block.get() == '\n') {
						lines++;
					}
				}
				block.clear();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

}
