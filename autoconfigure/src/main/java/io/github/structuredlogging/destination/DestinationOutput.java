package io.github.structuredlogging.destination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.github.structuredlogging.async.PipelineOutput;

/**
 * The pipeline's side of one destination: its level threshold and format, its bounded memory buffer, the spill
 * file beyond it, and the accounting. The pipeline's writer thread hands it events and never waits for the
 * network; a {@link DestinationSender} thread of its own delivers the records through the {@link LogDestination}.
 * <p>
 * Order is kept: the spill file only takes records while the memory buffer is full or the file still holds
 * undelivered records, so everything in memory is older than everything in the file, and the sender empties memory
 * first. While the file holds records, events below the spill level are dropped (and counted) even when memory has
 * room again, since they would otherwise overtake the spilled ones.
 */
public class DestinationOutput extends ContextAwareBase implements PipelineOutput {

	private final String name;

	private final LogDestination destination;

	private final Encoder<ILoggingEvent> encoder;

	private final Level threshold;

	private final DeliverySettings settings;

	private final DestinationCounts counts = new DestinationCounts();

	private final ArrayDeque<OutboundRecord> memory = new ArrayDeque<>();

	private final SpillFile spill;

	private final DestinationSender sender;

	private volatile Instant downSince;

	private volatile Throwable lastFailure;

	/**
	 * Creates the destination's output and starts its sender; a spill file left by a previous process is replayed
	 * first.
	 * @param name the destination's name, {@code structured-logging.destinations.<name>}
	 * @param destination the protocol
	 * @param encoder the destination's format, started
	 * @param threshold least severe level the destination takes
	 * @param settings buffering and retries
	 * @throws IOException when the spill file cannot be opened
	 */
	public DestinationOutput(String name, LogDestination destination, Encoder<ILoggingEvent> encoder, Level threshold,
			DeliverySettings settings) throws IOException {
		this.name = name;
		this.destination = destination;
		this.encoder = encoder;
		this.threshold = threshold;
		this.settings = settings;
		this.spill = (settings.spillFile() != null) ? new SpillFile(settings.spillFile(), settings.maxSpillBytes(),
				(level) -> {
					this.counts.recovered.increment(level);
					this.counts.accepted.increment(level);
					this.counts.spilled.increment(level);
				}) : null;
		this.sender = new DestinationSender(this, destination, settings);
	}

	/**
	 * Starts delivering.
	 */
	public void start() {
		this.sender.start("structured-logging-destination-" + this.name);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean accepts(ILoggingEvent event) {
		return event.getLevel().isGreaterOrEqual(this.threshold) && this.destination.accepts(event);
	}

	@Override
	public boolean buffersOnItsOwn() {
		return true;
	}

	@Override
	public void refused(ILoggingEvent event) {
		this.counts.accepted.increment(event.getLevel());
		this.counts.filtered.increment(event.getLevel());
	}

	@Override
	public Throwable write(ILoggingEvent event) {
		Level level = event.getLevel();
		this.counts.accepted.increment(level);
		byte[] record;
		try {
			record = this.destination.frame(event, this.encoder.encode(event));
		}
		catch (RuntimeException ex) {
			// The event cannot be shipped in this format; other outputs still have it, so the pipeline goes on.
			this.counts.dropped.increment(level);
			addError("Destination '" + this.name + "' could not frame an event", ex);
			return null;
		}
		offer(new OutboundRecord(level, record, false));
		return null;
	}

	/**
	 * Buffers a record: in memory while there is room and nothing waits in the spill file, otherwise in the spill
	 * file when its level may be spilled, otherwise nowhere (dropped and counted).
	 */
	void offer(OutboundRecord record) {
		Level level = record.level();
		synchronized (this.memory) {
			boolean spillPending = this.spill != null && this.spill.hasPending();
			if (!spillPending && this.memory.size() < this.settings.maxEvents()) {
				this.counts.buffered.increment(level);
				this.memory.addLast(record);
				this.memory.notifyAll();
				return;
			}
			if (mayBeSpilled(level) && spill(record)) {
				this.memory.notifyAll();
				return;
			}
		}
		this.counts.dropped.increment(level);
	}

	/**
	 * Appends the record to the spill file.
	 * @return whether it was written; a full or failing file keeps nothing
	 */
	private boolean spill(OutboundRecord record) {
		try {
			if (this.spill.append(record.level(), record.bytes())) {
				this.counts.spilled.increment(record.level());
				return true;
			}
		}
		catch (UncheckedIOException ex) {
			addError("Destination '" + this.name + "' could not spill an event", ex);
		}
		return false;
	}

	private boolean mayBeSpilled(Level level) {
		return this.spill != null && level.isGreaterOrEqual(this.settings.spillLevel());
	}

	/**
	 * The next records to send: from memory while it holds any, then from the spill file. Waits while there are
	 * none.
	 * @param maxWaitMillis how long to wait at most
	 * @return the records, none when nothing arrived in time
	 */
	List<OutboundRecord> nextBatch(long maxWaitMillis) throws InterruptedException {
		synchronized (this.memory) {
			if (this.memory.isEmpty() && !hasUnreadSpill()) {
				this.memory.wait(maxWaitMillis);
			}
			if (!this.memory.isEmpty()) {
				List<OutboundRecord> batch = new ArrayList<>(Math.min(this.memory.size(), this.settings.batchSize()));
				while (!this.memory.isEmpty() && batch.size() < this.settings.batchSize()) {
					batch.add(this.memory.pollFirst());
				}
				return batch;
			}
		}
		return (this.spill != null) ? this.spill.read(this.settings.batchSize()) : List.of();
	}

	private boolean hasUnreadSpill() {
		return this.spill != null && this.spill.hasPending();
	}

	boolean isEmpty() {
		synchronized (this.memory) {
			return this.memory.isEmpty() && !hasUnreadSpill();
		}
	}

	/**
	 * Records of a batch the sender gave up on when stopping: those from the spill file stay there for the next
	 * start; those from memory are spilled if their level may be, and dropped otherwise.
	 */
	void abandoned(List<OutboundRecord> records) {
		for (OutboundRecord record : records) {
			if (record.spilled()) {
				continue;
			}
			this.counts.buffered.add(record.level(), -1);
			if (!(mayBeSpilled(record.level()) && spill(record))) {
				this.counts.dropped.increment(record.level());
			}
		}
	}

	void delivered(OutboundRecord record) {
		this.counts.delivered.increment(record.level());
		(record.spilled() ? this.counts.spilled : this.counts.buffered).add(record.level(), -1);
	}

	void spillDelivered(List<OutboundRecord> records) {
		if (!records.isEmpty()) {
			this.spill.delivered(records);
		}
	}

	void deliveryFailed(Throwable failure) {
		this.lastFailure = failure;
		if (this.downSince == null) {
			this.downSince = Instant.now();
			addWarn("Destination '" + this.name + "' is unreachable; buffering up to " + this.settings.maxEvents()
					+ " events in memory" + ((this.spill != null) ? ", then " + this.settings.spillLevel()
							+ " and above in " + this.settings.spillFile() : ""), failure);
		}
	}

	void deliveryWorks() {
		if (this.downSince != null) {
			this.downSince = null;
			addInfo("Destination '" + this.name + "' is reachable again");
		}
	}

	@Override
	public Throwable flush() {
		return null;
	}

	@Override
	public void restartIfStopped() {
	}

	/**
	 * Delivers what is still buffered within the drain timeout, then keeps what may be spilled for the next start
	 * and drops (and counts) the rest.
	 */
	@Override
	public void stop() {
		this.sender.stop();
		List<OutboundRecord> left;
		synchronized (this.memory) {
			left = new ArrayList<>(this.memory);
			this.memory.clear();
		}
		abandoned(left);
		this.destination.close();
		String lossSummary = this.counts.lossSummary(this.name);
		if (lossSummary != null) {
			System.err.println(lossSummary);
		}
		this.encoder.stop();
		if (this.spill != null) {
			try {
				this.spill.close();
			}
			catch (IOException ex) {
				addWarn("Could not close spill file of destination '" + this.name + "'", ex);
			}
		}
	}

	public boolean isConnected() {
		return this.destination.isConnected();
	}

	/**
	 * When deliveries started failing.
	 * @return the time of the first failure since the last success, {@code null} while deliveries work
	 */
	public Instant getDownSince() {
		return this.downSince;
	}

	public Throwable getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * Events waiting in memory.
	 * @return the buffered events
	 */
	public int getBufferSize() {
		synchronized (this.memory) {
			return this.memory.size();
		}
	}

	public int getBufferCapacity() {
		return this.settings.maxEvents();
	}

	/**
	 * Bytes waiting in the spill file.
	 * @return the bytes, 0 without a spill file
	 */
	public long getSpillBytes() {
		return (this.spill != null) ? this.spill.pendingBytes() : 0;
	}

	public long getAccepted(Level level) {
		return this.counts.accepted.get(level);
	}

	public long getDelivered(Level level) {
		return this.counts.delivered.get(level);
	}

	public long getDropped(Level level) {
		return this.counts.dropped.get(level);
	}

	/**
	 * Events waiting in the spill file.
	 * @param level the level
	 * @return spilled and not yet delivered
	 */
	public long getSpilled(Level level) {
		return this.counts.spilled.get(level);
	}

	/**
	 * Events waiting in memory, including those the sender is delivering from there.
	 * @param level the level
	 * @return buffered and not yet delivered, spilled or dropped
	 */
	public long getBuffered(Level level) {
		return this.counts.buffered.get(level);
	}

	public long getFiltered(Level level) {
		return this.counts.filtered.get(level);
	}

	/**
	 * Per-level counts, keyed by level name.
	 * @return accepted, delivered, dropped, spilled (pending), buffered, filtered and recovered counts
	 */
	public Map<String, Map<String, Long>> getCounts() {
		return this.counts.asMap();
	}

	public DeliverySettings getSettings() {
		return this.settings;
	}

	public Level getThreshold() {
		return this.threshold;
	}

	/**
	 * The protocol behind this output, for binding what is specific to it (such as a Kafka producer's metrics).
	 * @return the destination
	 */
	public LogDestination getDestination() {
		return this.destination;
	}

}
