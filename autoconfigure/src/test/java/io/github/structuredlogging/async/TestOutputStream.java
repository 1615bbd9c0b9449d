package io.github.structuredlogging.async;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * An output stream standing in for a slow disk or one that fails: each write can be made to take a while, and
 * writes and flushes can be made to throw until repaired.
 */
final class TestOutputStream extends OutputStream {

	private final OutputStream target;

	private final long writeDelayNanos;

	private volatile boolean broken;

	TestOutputStream(OutputStream target, long writeDelayNanos) {
		this.target = target;
		this.writeDelayNanos = writeDelayNanos;
	}

	void breakDown() {
		this.broken = true;
	}

	void repair() {
		this.broken = false;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		failIfBroken();
		if (this.writeDelayNanos > 0) {
			LockSupport.parkNanos(this.writeDelayNanos);
		}
		this.target.write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		failIfBroken();
		this.target.flush();
	}

	@Override
	public void close() throws IOException {
		this.target.close();
	}

	private void failIfBroken() throws IOException {
		if (this.broken) {
			throw new IOException("No space left on device");
		}
	}

}
