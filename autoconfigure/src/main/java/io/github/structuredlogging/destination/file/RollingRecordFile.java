package io.github.structuredlogging.destination.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.rolling.LengthCounter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import io.github.structuredlogging.destination.DeliveryBatch;

/**
 * Logback's rolling file appender, driven a batch at a time rather than an event at a time: its rolling policy
 * decides when the file rolls and names and removes the rolled files as for Spring Boot's own file, and a
 * {@link RecordFileRollingPolicy} rolls and compresses them without losing a record; the bytes go through an
 * {@link AppendedFile}, which reports every failed write instead of dropping it.
 * Never attached to a logger; only its destination's sender thread writes to it.
 */
final class RollingRecordFile extends RollingFileAppender<byte[]> {

	private final byte[] header;

	private AppendedFile file;

	private File activeFile;

	/** The records gathered for the next write: one write per file a batch goes to. */
	private byte[] pending = new byte[8192];

	private int pendingLength;

	/** Whether the policy fired and the roll has not happened yet, a write or the roll itself having failed. */
	private boolean rollDue;

	/**
	 * Creates the appender; the file, rolling policy and context are set before it is started.
	 * @param header what the format writes at the top of each file, or {@code null}
	 */
	RollingRecordFile(byte[] header) {
		this.header = header;
		setEncoder(new WrittenAsIs());
	}

	/**
	 * Writes the batch's records in order, each whole in one file: the rolling policy is asked before each record,
	 * as Logback's appender asks before each event, and the records gathered so far are written before it rolls.
	 * @param batch the records
	 * @return whether all were written; the batch is told how many were
	 */
	boolean write(DeliveryBatch batch) {
		int written = 0;
		this.pendingLength = 0;
		try {
			for (int i = 0; i < batch.size(); i++) {
				byte[] record = batch.record(i);
				if (this.rollDue || getTriggeringPolicy().isTriggeringEvent(this.activeFile, record)) {
					this.rollDue = true;
					writePending();
					written = i;
					roll();
				}
				updateByteCount(record);
				gather(record);
			}
			writePending();
			batch.completed(batch.size(), null);
			return true;
		}
		catch (IOException ex) {
			countWhatTheFileHolds();
			batch.completed(written, ex);
			return false;
		}
	}

	/**
	 * Rolls the file, or leaves it as it was, still due to roll under the name the policy gave when it fired: a
	 * retried batch rolls first, and no index is skipped.
	 */
	private void roll() throws IOException {
		streamWriteLock.lock();
		try {
			this.file.close();
			((RecordFileRollingPolicy<?>) getRollingPolicy()).roll();
			this.rollDue = false;
			openFile(getFile());
			countWhatTheFileHolds();
		}
		finally {
			streamWriteLock.unlock();
		}
	}

	/**
	 * Sets the policy's byte count back to what the file holds, without the records just counted and not written,
	 * so that retrying a batch does not roll the file early.
	 */
	private void countWhatTheFileHolds() {
		LengthCounter counter = getTriggeringPolicy().getLengthCounter();
		if (counter != null) {
			counter.reset();
			counter.add(this.file.length());
		}
	}

	private void gather(byte[] record) {
		if (this.pendingLength + record.length > this.pending.length) {
			int needed = this.pendingLength + record.length;
			this.pending = Arrays.copyOf(this.pending, Math.max(this.pending.length * 2, needed));
		}
		System.arraycopy(record, 0, this.pending, this.pendingLength, record.length);
		this.pendingLength += record.length;
	}

	private void writePending() throws IOException {
		if (this.pendingLength > 0) {
			this.file.write(this.pending, 0, this.pendingLength);
			this.pendingLength = 0;
		}
	}

	/**
	 * Called by Logback when it starts and after each roll: only prepares the file, which is opened at the next
	 * write, so that a file that cannot be opened fails a batch (retried, counted) rather than stopping the
	 * appender.
	 */
	@Override
	public void openFile(String fileName) {
		streamWriteLock.lock();
		try {
			this.activeFile = new File(fileName);
			this.file = new AppendedFile(Path.of(fileName), this.header);
			setOutputStream(this.file);
		}
		finally {
			streamWriteLock.unlock();
		}
	}

	/** The records are framed by the destination's format already. */
	private static final class WrittenAsIs extends EncoderBase<byte[]> {

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] encode(byte[] record) {
			return record;
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

	}

}
