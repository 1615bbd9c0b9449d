package io.github.structuredlogging.destination.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file a file destination can leave in its directory, read as its records: the active file and uncompressed
 * rolled files as they are, archives decompressed; a temporary archive is a failure, as its records would be in
 * no file a reader looks at.
 */
final class RolledFiles {

	private RolledFiles() {
	}

	/**
	 * The regular files whose names start with the prefix, sorted by name.
	 * @param directory the destination's directory
	 * @param prefix what the active and rolled files' names start with
	 * @return the files
	 */
	static List<Path> in(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> found = files.filter((path) -> path.getFileName().toString().startsWith(prefix))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
			assertThat(found).as("no temporary archive left").noneMatch((path) -> path.toString().endsWith(".tmp"));
			return found;
		}
	}

	/**
	 * The file's text, decompressed if it is an archive.
	 * @param file a file {@link #in} found
	 * @return its records
	 */
	static String content(Path file) throws IOException {
		String name = file.getFileName().toString();
		if (name.endsWith(".gz")) {
			try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		if (name.endsWith(".zip")) {
			try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
				assertThat(in.getNextEntry()).as("%s holds an entry", file).isNotNull();
				String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				assertThat(in.getNextEntry()).as("%s holds one entry", file).isNull();
				return content;
			}
		}
		return Files.readString(file);
	}

}
