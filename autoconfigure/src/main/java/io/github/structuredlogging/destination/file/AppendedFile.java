package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The file a {@link RollingRecordFile} writes now, written whole records at a time, unlike Logback's
 * {@code ResilientFileOutputStream}, which drops what it cannot write and tells no one.
 * <p>
 * Opened at the first write, so that a file that cannot be opened yet (its directory missing and not creatable, a
 * read-only file system) fails that write and the pipeline retries it. A write that fails may have left part of its
 * bytes in the file (a full disk takes what fits); they are cut off again, right away if the file still allows it and
 * otherwise when it is next opened, so that a record written again after a failure never follows half of itself.
 */
final class AppendedFile extends OutputStream {

	private final Path path;

	private final byte[] header;

	private FileChannel channel;

	/** The file, as the file system identifies it, that {@link #written} is the length of; {@code null} at first. */
	private Object fileKey;

	/** Length of the file after the last write that worked. */
	private long written;

	/**
	 * Creates the file's writer; nothing is opened yet.
	 * @param path the file
	 * @param header what the format writes at the top of each file (the column names of csv), or {@code null}
	 */
	AppendedFile(Path path, byte[] header) {
		this.path = path;
		this.header = (header != null && header.length > 0) ? header : null;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	/**
	 * Writes the bytes at the end of the file, in one write to the operating system, after the format's header when
	 * the file is empty.
	 * @throws IOException when not all of them could be written; the file is then as before the call
	 */
	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		FileChannel file = open();
		try {
			if (this.header != null && file.size() == 0) {
				writeFully(file, ByteBuffer.wrap(this.header));
			}
			writeFully(file, ByteBuffer.wrap(bytes, offset, length));
			this.written = file.position();
		}
		catch (IOException ex) {
			cutBack(file);
			throw ex;
		}
	}

	/**
	 * The file's length after the last write that worked.
	 * @return the length, 0 before the file was first opened
	 */
	long length() {
		return this.written;
	}

	private static void writeFully(FileChannel file, ByteBuffer bytes) throws IOException {
		while (bytes.hasRemaining()) {
			file.write(bytes);
		}
	}

	private FileChannel open() throws IOException {
		if (this.channel != null) {
			return this.channel;
		}
		Path directory = this.path.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		FileChannel file = FileChannel.open(this.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			Object key = Files.readAttributes(this.path, BasicFileAttributes.class).fileKey();
			long length = file.size();
			if (this.fileKey != null && Objects.equals(key, this.fileKey) && length > this.written) {
				file.truncate(this.written);
				length = this.written;
			}
			file.position(length);
			this.fileKey = key;
			this.written = length;
		}
		catch (IOException ex) {
			file.close();
			throw ex;
		}
		this.channel = file;
		return file;
	}

	/**
	 * Cuts off what the failed write left and closes the file, so that the next write opens it again (and cuts
	 * again, if this file system refused it now).
	 */
	private void cutBack(FileChannel file) {
		try {
			if (file.size() > this.written) {
				file.truncate(this.written);
			}
		}
		catch (IOException ex) {
			// Retried when the file is next opened, which a failing file system may allow again.
		}
		close();
	}

	@Override
	public void close() {
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Closing only releases the descriptor: every byte was written or reported as failed before.
			}
			this.channel = null;
		}
	}

}
