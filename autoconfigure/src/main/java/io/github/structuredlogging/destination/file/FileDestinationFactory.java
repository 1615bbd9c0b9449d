package io.github.structuredlogging.destination.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.destination.file.FileDestinationProperties.Rollingpolicy;
import io.github.structuredlogging.validation.InvalidConfigurationPropertyException;

/**
 * Builds a {@link FileDestination} on Logback's {@code SizeAndTimeBasedRollingPolicy} (as a
 * {@link RecordFileRollingPolicy}), configured as Spring Boot configures it for its own file, and refuses at start-up
 * what Logback would only report in its status messages.
 */
public final class FileDestinationFactory {

	private FileDestinationFactory() {
	}

	/**
	 * Creates the destination of a {@code type: file} destination.
	 * @param name the destination's name
	 * @param properties its file settings, {@code path} set (Bean Validation has checked it)
	 * @param header what the destination's format writes at the top of each file, or {@code null}
	 * @param context the logger context, for Logback's status messages and its compression jobs
	 * @return the destination
	 * @throws InvalidConfigurationPropertyException if the path is a directory or Logback refuses the file name
	 * pattern
	 */
	public static FileDestination create(String name, FileDestinationProperties properties, byte[] header,
			Context context) {
		String prefix = DestinationsProperties.PREFIX + ".destinations." + name + ".file";
		Path path = properties.getPath().toAbsolutePath();
		if (Files.isDirectory(path)) {
			throw new InvalidConfigurationPropertyException(prefix + ".path", properties.getPath(),
					"name a file, not a directory");
		}
		Rollingpolicy rolling = properties.getRollingpolicy();
		String pattern = (rolling.getFileNamePattern() != null) ? rolling.getFileNamePattern()
				: path + FileDestinationProperties.DEFAULT_PATTERN_SUFFIX;
		if (pattern.endsWith(CompressionMode.XZ_SUFFIX)) {
			throw new InvalidConfigurationPropertyException(prefix + ".rollingpolicy.file-name-pattern", pattern,
					"end in .gz, .zip or neither: the file destination does not write xz");
		}
		long since = System.currentTimeMillis();
		RollingRecordFile file = new RollingRecordFile(header);
		file.setContext(context);
		file.setName("structured-logging-destination-" + name);
		file.setFile(path.toString());
		RecordFileRollingPolicy<byte[]> policy = new RecordFileRollingPolicy<>();
		policy.setContext(context);
		policy.setFileNamePattern(pattern);
		policy.setMaxFileSize(new FileSize(rolling.getMaxFileSize().toBytes()));
		policy.setTotalSizeCap(new FileSize(rolling.getTotalSizeCap().toBytes()));
		policy.setMaxHistory(rolling.getMaxHistory());
		policy.setCleanHistoryOnStart(rolling.isCleanHistoryOnStart());
		policy.setParent(file);
		file.setRollingPolicy(policy);
		try {
			policy.start();
		}
		catch (IllegalStateException ex) {
			// Logback throws for a missing pattern and reports the other problems as status messages.
		}
		if (policy.isStarted()) {
			file.start();
		}
		if (!file.isStarted()) {
			policy.stop();
			throw new InvalidConfigurationPropertyException(prefix + ".rollingpolicy.file-name-pattern", pattern,
					"be a pattern Logback's SizeAndTimeBasedRollingPolicy accepts for " + path
							+ ", with a date (%d) and an index (%i): " + errors(context, since));
		}
		return new FileDestination(file);
	}

	private static String errors(Context context, long since) {
		return context.getStatusManager()
			.getCopyOfStatusList()
			.stream()
			.filter((status) -> status.getLevel() == Status.ERROR && status.getTimestamp() >= since)
			.map(Status::getMessage)
			.collect(Collectors.joining("; "));
	}

}
