package io.github.structuredlogging.destination;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;

/**
 * A bounded file of records that waited too long for their destination, read back in the order they were written.
 * Each record is {@code [int length][int level][bytes]}; a second file holds the position up to which records were
 * delivered, so that a process that dies leaves the rest for the next start and nothing delivered is sent again.
 * Records are written straight to the file channel, not held in a Java buffer, so a killed process loses none that
 * were spilled.
 */
final class SpillFile implements Closeable {

	private static final int HEADER_BYTES = 8;

	private final Path path;

	private final Path positionPath;

	private final long maxBytes;

	private final FileChannel channel;

	private final FileChannel positionChannel;

	private final ByteBuffer positionBuffer = ByteBuffer.allocate(Long.BYTES);

	/** Size of the file: the end of the last complete record. */
	private long size;

	/** Start of the first record not delivered yet. */
	private long delivered;

	/** Start of the first record not read yet; between {@link #delivered} and here are records being sent. */
	private long read;

	/**
	 * Opens the spill file, keeping what a previous process left in it.
	 * @param path the file
	 * @param maxBytes the most bytes the file may hold
	 * @param leftover told of each record left undelivered by a previous process
	 * @throws IOException when the file cannot be opened
	 */
	SpillFile(Path path, long maxBytes, Consumer<Level> leftover) throws IOException {
		Files.createDirectories(path.toAbsolutePath().getParent());
		this.path = path;
		this.positionPath = path.resolveSibling(path.getFileName() + ".position");
		this.maxBytes = maxBytes;
		this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		this.positionChannel = FileChannel.open(this.positionPath, StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE);
		ByteBuffer position = ByteBuffer.allocate(Long.BYTES);
		this.delivered = (this.positionChannel.read(position, 0) == Long.BYTES) ? position.flip().getLong() : 0;
		recover(leftover);
	}

	/**
	 * Finds the end of the last complete record (a process killed while writing leaves a torn one, cut off here)
	 * and reports the records not delivered yet.
	 */
	private void recover(Consumer<Level> leftover) throws IOException {
		long fileSize = this.channel.size();
		if (this.delivered > fileSize) {
			this.delivered = 0;
		}
		long position = 0;
		ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
		while (position + HEADER_BYTES <= fileSize) {
			header.clear();
			this.channel.read(header, position);
			header.flip();
			int length = header.getInt();
			int level = header.getInt();
			if (length < 0 || position + HEADER_BYTES + length > fileSize) {
				break;
			}
			if (position >= this.delivered) {
				leftover.accept(Level.toLevel(level));
			}
			position += HEADER_BYTES + length;
		}
		this.channel.truncate(position);
		this.size = position;
		this.read = this.delivered;
	}

	/**
	 * Appends a record.
	 * @param level the event's level
	 * @param bytes the record
	 * @return {@code false} when the file is full and the record was not written
	 */
	synchronized boolean append(Level level, byte[] bytes) {
		if (this.size + HEADER_BYTES + bytes.length > this.maxBytes) {
			return false;
		}
		ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + bytes.length);
		buffer.putInt(bytes.length).putInt(level.toInt()).put(bytes).flip();
		try {
			long position = this.size;
			while (buffer.hasRemaining()) {
				position += this.channel.write(buffer, position);
			}
			this.size = position;
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to spill file " + this.path, ex);
		}
	}

	/**
	 * Whether records wait in the file, delivered by nobody yet; new records must then queue behind them.
	 * @return {@code true} while the file holds undelivered records
	 */
	synchronized boolean hasPending() {
		return this.delivered < this.size;
	}

	/**
	 * Reads the next records after those already read.
	 * @param max the most records to read
	 * @return the records, none when everything was read
	 */
	synchronized List<OutboundRecord> read(int max) {
		List<OutboundRecord> records = new ArrayList<>();
		ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
		try {
			while (records.size() < max && this.read < this.size) {
				header.clear();
				this.channel.read(header, this.read);
				header.flip();
				int length = header.getInt();
				Level level = Level.toLevel(header.getInt());
				ByteBuffer bytes = ByteBuffer.allocate(length);
				while (bytes.hasRemaining()) {
					this.channel.read(bytes, this.read + HEADER_BYTES + bytes.position());
				}
				records.add(new OutboundRecord(level, bytes.array(), true));
				this.read += HEADER_BYTES + length;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read spill file " + this.path, ex);
		}
		return records;
	}

	/**
	 * Marks the oldest read records delivered; once all are, the file starts again empty.
	 * @param records how many records, from the oldest not delivered, were delivered
	 */
	synchronized void delivered(List<OutboundRecord> records) {
		for (OutboundRecord record : records) {
			this.delivered += HEADER_BYTES + record.bytes().length;
		}
		try {
			boolean allDelivered = this.delivered >= this.size;
			if (allDelivered) {
				this.delivered = 0;
				this.read = 0;
			}
			// Position first: dying between the two writes replays records again rather than skipping new ones.
			this.positionBuffer.clear();
			this.positionBuffer.putLong(this.delivered).flip();
			this.positionChannel.write(this.positionBuffer, 0);
			if (allDelivered) {
				this.channel.truncate(0);
				this.size = 0;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not update spill file " + this.path, ex);
		}
	}

	/**
	 * Bytes of records not delivered yet.
	 * @return the pending bytes
	 */
	synchronized long pendingBytes() {
		return this.size - this.delivered;
	}

	@Override
	public synchronized void close() throws IOException {
		this.channel.close();
		this.positionChannel.close();
	}

}
