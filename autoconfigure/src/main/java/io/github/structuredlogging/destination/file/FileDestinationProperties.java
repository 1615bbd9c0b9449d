package io.github.structuredlogging.destination.file;

import java.nio.file.Path;

import io.github.structuredlogging.validation.MinDataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.util.unit.DataSize;

/**
 * Settings of a {@code file} destination: the file, and how it rolls, with the names and defaults of Spring Boot's
 * {@code logging.logback.rollingpolicy.*}.
 */
public class FileDestinationProperties {

	/** Rolled files' names when no pattern is set, after the path: Spring Boot's default for its own file. */
	public static final String DEFAULT_PATTERN_SUFFIX = ".%d{yyyy-MM-dd}.%i.gz";

	/**
	 * Path of the file the events are written to, one per line, such as /var/log/orders/audit.log; required for
	 * type file. A file, as logging.file.name names one, not a directory as logging.file.path does.
	 */
	private Path path;

	@Valid
	private final Rollingpolicy rollingpolicy = new Rollingpolicy();

	public Path getPath() {
		return this.path;
	}

	public void setPath(Path path) {
		this.path = path;
	}

	public Rollingpolicy getRollingpolicy() {
		return this.rollingpolicy;
	}

	/**
	 * When the file is rolled and how many rolled files are kept: Logback's {@code SizeAndTimeBasedRollingPolicy},
	 * as Spring Boot configures it for its own log file.
	 */
	public static class Rollingpolicy {

		/**
		 * Pattern of the rolled files' names, with a date (%d) and an index (%i); a .gz or .zip suffix compresses
		 * them. Defaults to the path followed by .%d{yyyy-MM-dd}.%i.gz.
		 */
		private String fileNamePattern;

		/**
		 * Whether rolled files beyond max-history and total-size-cap are removed at start-up, not only at the next
		 * roll.
		 */
		private boolean cleanHistoryOnStart = false;

		/**
		 * Size at which the file is rolled. An event is never split across two files, so a file can exceed it by
		 * less than one event.
		 */
		@NotNull
		@MinDataSize(1)
		private DataSize maxFileSize = DataSize.ofMegabytes(10);

		/**
		 * Largest total size of the rolled files; the oldest are removed beyond it. 0B for no limit. Needs
		 * max-history above 0.
		 */
		@NotNull
		@MinDataSize(0)
		private DataSize totalSizeCap = DataSize.ofBytes(0);

		/**
		 * Number of periods of the file name pattern (days with the default pattern) whose rolled files are kept; 0
		 * keeps them all.
		 */
		@Min(0)
		private int maxHistory = 7;

		public String getFileNamePattern() {
			return this.fileNamePattern;
		}

		public void setFileNamePattern(String fileNamePattern) {
			this.fileNamePattern = fileNamePattern;
		}

		public boolean isCleanHistoryOnStart() {
			return this.cleanHistoryOnStart;
		}

		public void setCleanHistoryOnStart(boolean cleanHistoryOnStart) {
			this.cleanHistoryOnStart = cleanHistoryOnStart;
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			this.maxFileSize = maxFileSize;
		}

		public DataSize getTotalSizeCap() {
			return this.totalSizeCap;
		}

		public void setTotalSizeCap(DataSize totalSizeCap) {
			this.totalSizeCap = totalSizeCap;
		}

		public int getMaxHistory() {
			return this.maxHistory;
		}

		public void setMaxHistory(int maxHistory) {
			this.maxHistory = maxHistory;
		}

	}

}
