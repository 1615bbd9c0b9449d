package io.github.structuredlogging.destination.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.RolloverFailure;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedFileNamingAndTriggeringPolicy;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.util.FileSize;

/**
 * Logback's {@code SizeAndTimeBasedRollingPolicy} with its triggering, names and pruning, but a roll of its own that
 * loses nothing: Logback compresses a rolled file in the background and deletes the original even when the
 * compression failed (LOGBACK-992), and prunes on a pool where two clean-ups at once share one calendar and can
 * compute today as a day to delete. Here the roll moves the active file to its rolled name, compresses it through
 * {@link RolledFileCompressor} (the uncompressed file stays when that fails), and prunes, each on the destination's
 * sender thread, one after the other. A roll whose file cannot be moved fails with an {@link IOException}, so that
 * the records after it are retried and counted like any failed write.
 * @param <E> the appender's event type
 */
class RecordFileRollingPolicy<E> extends SizeAndTimeBasedRollingPolicy<E> {

	/** Names taken before giving up when the rolled names are in use already (left by an earlier process). */
	private static final int MAX_NAMES_IN_USE = 1_000;

	private FileSize maxFileSize;

	@Override
	public void setMaxFileSize(FileSize maxFileSize) {
		this.maxFileSize = maxFileSize;
		super.setMaxFileSize(maxFileSize);
	}

	/**
	 * Starts as Logback's policy does, but cleans the history on start here, before the first roll can prune too.
	 */
	@Override
	public void start() {
		boolean cleanOnStart = isCleanHistoryOnStart();
		setCleanHistoryOnStart(false);
		super.start();
		setCleanHistoryOnStart(cleanOnStart);
		if (isStarted() && cleanOnStart) {
			prune();
		}
	}

	/**
	 * Rolls as {@link #roll()} does, so that Logback's own roll, which can lose a file, never runs whoever calls.
	 */
	@Override
	public void rollover() throws RolloverFailure {
		try {
			roll();
		}
		catch (IOException ex) {
			throw new RolloverFailure("Could not roll " + getParentsRawFileProperty() + ": " + ex);
		}
	}

	/**
	 * Rolls the closed active file to the name the triggering policy chose when it fired, compresses it if the
	 * pattern asks for it, and prunes the history.
	 * @throws IOException when the active file could not be moved aside; it is then where it was
	 */
	void roll() throws IOException {
		Path active = Path.of(getParentsRawFileProperty());
		Path rolled = freeRolledName(active);
		if (moveAside(active, rolled) && getCompressionMode() != CompressionMode.NONE) {
			RolledFileCompressor.compress(rolled, getCompressionMode(), this);
		}
		prune();
	}

	/**
	 * The name the triggering policy chose, or the next one it gives when that name or its archive is in use
	 * already: a file left uncompressed by a failed compression is not seen by Logback when it counts the rolled
	 * files at start-up, and must never be overwritten.
	 */
	private Path freeRolledName(Path active) throws IOException {
		TimeBasedFileNamingAndTriggeringPolicy<E> naming = getTimeBasedFileNamingAndTriggeringPolicy();
		for (int taken = 0; taken < MAX_NAMES_IN_USE; taken++) {
			Path rolled = Path.of(naming.getElapsedPeriodsFileName());
			if (!inUse(rolled) && !inUse(RolledFileCompressor.archiveOf(rolled, getCompressionMode()))) {
				return rolled;
			}
			addWarn(rolled + " or its archive exists already; rolling to the next index");
			naming.getLengthCounter().add(this.maxFileSize.getSize());
			naming.isTriggeringEvent(active.toFile(), null);
		}
		throw new IOException("No free name to roll " + active + " to after " + MAX_NAMES_IN_USE + " names in use");
	}

	private static boolean inUse(Path path) {
		return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * @return whether there was a file to move: the time trigger can fire before anything was written in the period
	 */
	private static boolean moveAside(Path active, Path rolled) throws IOException {
		Path directory = rolled.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		try {
			Files.move(active, rolled);
			return true;
		}
		catch (NoSuchFileException ex) {
			File parent = active.toAbsolutePath().getParent().toFile();
			if (parent.isDirectory() && !Files.exists(active, LinkOption.NOFOLLOW_LINKS)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Runs Logback's clean-up and waits for it, so that two never run at once and none runs while the triggering
	 * policy uses the calendar they share.
	 */
	private void prune() {
		if (getMaxHistory() == CoreConstants.UNBOUNDED_HISTORY) {
			return;
		}
		TimeBasedFileNamingAndTriggeringPolicy<E> naming = getTimeBasedFileNamingAndTriggeringPolicy();
		try {
			naming.getArchiveRemover().cleanAsynchronously(Instant.ofEpochMilli(naming.getCurrentTime())).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | RuntimeException ex) {
			addWarn("Could not remove the rolled files beyond max-history or total-size-cap", ex);
		}
	}

}
