package io.github.structuredlogging.destination;

import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes each formatted event as it is to a local stream, such as the console: the simplest destination, with
 * the same buffering and accounting as the remote ones.
 */
public class StreamDestination implements LogDestination {

	private final OutputStream stream;

	private volatile boolean working = true;

	public StreamDestination(OutputStream stream) {
		this.stream = stream;
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return formatted;
	}

	@Override
	public void send(DeliveryBatch batch) {
		int written = 0;
		try {
			for (; written < batch.size(); written++) {
				this.stream.write(batch.record(written));
			}
			this.stream.flush();
			this.working = true;
			batch.completed(written, null);
		}
		catch (IOException ex) {
			this.working = false;
			// What reached the stream before the failure may still sit in its buffer: only what is flushed counts.
			batch.completed(0, ex);
		}
	}

	@Override
	public boolean isConnected() {
		return this.working;
	}

	@Override
	public void close() {
		try {
			this.stream.flush();
		}
		catch (IOException ex) {
			this.working = false;
		}
	}

}
