package io.github.structuredlogging.support;

import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;

/**
 * The JSON events an application really wrote, parsed from captured console output or a log file. Every line that
 * looks like JSON must parse: a line that does not is a defect of the output, not something to skip.
 */
public final class JsonLogLines {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final List<JsonNode> events;

	private JsonLogLines(List<JsonNode> events) {
		this.events = events;
	}

	public static JsonLogLines parse(String output) {
		return new JsonLogLines(output.lines().filter((line) -> line.startsWith("{")).map(MAPPER::readTree).toList());
	}

	/**
	 * Parses the captured output once the log pipeline has written everything logged so far.
	 * @param output the captured output
	 * @return the events
	 */
	public static JsonLogLines of(CapturedOutput output) {
		return parse(written(output));
	}

	/**
	 * Returns the captured output once the log pipeline has written everything logged so far.
	 * @param output the captured output
	 * @return the output
	 */
	public static String written(CapturedOutput output) {
		LogPipelineFlush.awaitWritten();
		return output.getOut();
	}

	public List<JsonNode> all() {
		return this.events;
	}

	public List<JsonNode> where(Predicate<JsonNode> condition) {
		return this.events.stream().filter(condition).toList();
	}

	public List<JsonNode> withField(String field, String value) {
		return where((event) -> event.has(field) && value.equals(event.get(field).asString()));
	}

	public List<JsonNode> withMessage(String message) {
		return withField("message", message);
	}

}
