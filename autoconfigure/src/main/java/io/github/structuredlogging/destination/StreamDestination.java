package io.github.structuredlogging.destination;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes each formatted event as it is to a local stream, such as the console: the simplest destination, with
 * the same buffering and accounting as the remote ones.
 */
public class StreamDestination implements LogDestination {

	private final Supplier<OutputStream> stream;

	private volatile boolean working = true;

	/**
	 * Creates the destination.
	 * @param stream the stream, looked up for each batch so that a replaced {@code System.out} is honoured
	 */
	public StreamDestination(Supplier<OutputStream> stream) {
		this.stream = stream;
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return formatted;
	}

	@Override
	public void send(DeliveryBatch batch) {
		OutputStream out = this.stream.get();
		try {
			for (int i = 0; i < batch.size(); i++) {
				out.write(batch.record(i));
			}
			out.flush();
			this.working = true;
			batch.completed(batch.size(), null);
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
			this.stream.get().flush();
		}
		catch (IOException ex) {
			this.working = false;
		}
	}

}
