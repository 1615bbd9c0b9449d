package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.spi.ContextAware;

/**
 * Compresses a rolled file so that its records are, at every moment, in exactly one whole file: the archive is
 * written to a temporary file beside it, synced, and renamed to its name only when complete, and the rolled file is
 * deleted only after that. When anything fails, the temporary file is removed and the rolled file stays as it is,
 * uncompressed, under its own name.
 */
final class RolledFileCompressor {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final String TEMPORARY_SUFFIX = ".tmp";

	private RolledFileCompressor() {
	}

	/**
	 * The archive a rolled file is compressed to.
	 * @param rolled the rolled file
	 * @param mode the compression of the file name pattern
	 * @return the rolled file's name with the pattern's suffix, the rolled file itself without compression
	 */
	static Path archiveOf(Path rolled, CompressionMode mode) {
		return switch (mode) {
			case GZ -> rolled.resolveSibling(rolled.getFileName() + CompressionMode.GZ_SUFFIX);
			case ZIP -> rolled.resolveSibling(rolled.getFileName() + CompressionMode.ZIP_SUFFIX);
			case XZ -> rolled.resolveSibling(rolled.getFileName() + CompressionMode.XZ_SUFFIX);
			case NONE -> rolled;
		};
	}

	/**
	 * The file an archive is written to before it is complete.
	 * @param archive the archive
	 * @return the archive's name with {@code .tmp} after it
	 */
	static Path temporaryOf(Path archive) {
		return archive.resolveSibling(archive.getFileName() + TEMPORARY_SUFFIX);
	}

	/**
	 * Compresses the rolled file into its archive; a failure is reported as a warning, the rolled file then kept.
	 * @param rolled the rolled file, complete and closed
	 * @param mode gz or zip
	 * @param status where to report a failure
	 */
	static void compress(Path rolled, CompressionMode mode, ContextAware status) {
		Path archive = archiveOf(rolled, mode);
		Path temporary = temporaryOf(archive);
		try {
			write(rolled, temporary, mode);
			Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | RuntimeException ex) {
			status.addWarn("Could not compress " + rolled + " to " + archive + "; it stays uncompressed", ex);
			return;
		}
		try {
			Files.delete(rolled);
		}
		catch (IOException ex) {
			keepOne(rolled, archive, status, ex);
		}
	}

	/**
	 * Writes the archive to the temporary file and syncs it, so that the rename publishes only a whole archive.
	 * @throws IOException when it could not; what was written of the temporary file is removed again
	 */
	private static void write(Path rolled, Path temporary, CompressionMode mode) throws IOException {
		FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		try (channel; DeflaterOutputStream archive = compressing(Channels.newOutputStream(channel), mode, rolled)) {
			Files.copy(rolled, archive);
			archive.finish();
			channel.force(true);
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException notRemoved) {
				ex.addSuppressed(notRemoved);
			}
			throw ex;
		}
	}

	/** A zip of one entry named as the rolled file, or gzip: the factory refuses xz patterns. */
	private static DeflaterOutputStream compressing(OutputStream file, CompressionMode mode, Path rolled)
			throws IOException {
		if (mode == CompressionMode.ZIP) {
			ZipOutputStream zip = new ZipOutputStream(file);
			zip.putNextEntry(new ZipEntry(rolled.getFileName().toString()));
			return zip;
		}
		return new GZIPOutputStream(file, BUFFER_SIZE);
	}

	/**
	 * The archive is complete but the rolled file could not be deleted: the archive goes again, so that a reader of
	 * the directory does not find each record twice.
	 */
	private static void keepOne(Path rolled, Path archive, ContextAware status, IOException cause) {
		try {
			Files.delete(archive);
			status.addWarn("Could not delete " + rolled + " after compressing it; it stays uncompressed", cause);
		}
		catch (IOException ex) {
			ex.addSuppressed(cause);
			status.addError("Could not delete " + rolled + " nor its archive " + archive
					+ ": its records are in both", ex);
		}
	}

}
