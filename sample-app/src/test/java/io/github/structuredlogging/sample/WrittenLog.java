package io.github.structuredlogging.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON log file the application really wrote, read from a mark onwards so each test sees only its own events.
 * Every line must parse: a line that does not is a defect of the output.
 */
final class WrittenLog {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path file;

	private final long mark;

	private WrittenLog(Path file, long mark) {
		this.file = file;
		this.mark = mark;
	}

	static WrittenLog from(Path file) {
		try {
			return new WrittenLog(file, Files.exists(file) ? Files.size(file) : 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String text() {
		try {
			byte[] all = Files.readAllBytes(this.file);
			return new String(Arrays.copyOfRange(all, (int) this.mark, all.length), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<JsonNode> events() {
		String text = text();
		int lastLineEnd = text.lastIndexOf('\n');
		// A line still being written has no line break yet; it is read next time.
		return text.substring(0, lastLineEnd + 1).lines().map(MAPPER::readTree).toList();
	}

	List<JsonNode> events(Predicate<JsonNode> condition) {
		return events().stream().filter(condition).toList();
	}

	/**
	 * Parses the JSON events among captured console output, which also holds the banner and other text.
	 * @param output the captured output
	 * @return the events, in order
	 */
	static List<JsonNode> jsonLines(String output) {
		return output.lines().filter((line) -> line.startsWith("{")).map(MAPPER::readTree).toList();
	}

	static Predicate<JsonNode> field(String name, String value) {
		return (event) -> event.has(name) && value.equals(event.get(name).asString());
	}

}
