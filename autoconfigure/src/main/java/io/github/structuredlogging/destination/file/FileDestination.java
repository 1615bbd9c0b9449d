package io.github.structuredlogging.destination.file;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.destination.DeliveryBatch;
import io.github.structuredlogging.destination.LogDestination;

/**
 * Writes each formatted event as a line of a local file that rolls as Spring Boot's own log file does. An I/O
 * failure (a full disk, a directory gone or not writable) fails the records not yet written, which the pipeline
 * retries with back-off, spilling or dropping what exceeds the memory buffer meanwhile, as for a collector outage.
 */
public class FileDestination implements LogDestination {

	private final RollingRecordFile file;

	private volatile boolean working = true;

	FileDestination(RollingRecordFile file) {
		this.file = file;
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return formatted;
	}

	@Override
	public void send(DeliveryBatch batch) {
		this.working = this.file.write(batch);
	}

	/**
	 * Whether the last write worked.
	 * @return {@code false} from a failed write until one works again
	 */
	@Override
	public boolean isConnected() {
		return this.working;
	}

	/**
	 * Closes the file; nothing runs on after it, a rolled file being compressed and pruned within its roll.
	 */
	@Override
	public void close() {
		this.file.stop();
	}

}
