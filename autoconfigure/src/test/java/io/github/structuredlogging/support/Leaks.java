package io.github.structuredlogging.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds what a written event leaks of a secret: any run of {@value #MIN_RUN} or more consecutive characters of it,
 * not only the whole secret, in the secret's plain, JSON-escaped and URL-encoded forms, looked for in the event as
 * JSON and in its string values unescaped. The timestamp and generated UUIDs (a correlation id the starter made
 * for a request whose own was refused) are left out: their digits and hex runs share six characters with a card
 * number by chance, and no secret has a UUID's shape.
 */
public final class Leaks {

	/** The shortest run of a secret's characters that counts as a leak. */
	public static final int MIN_RUN = 6;

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private Leaks() {
	}

	/**
	 * The first run of a secret found in an event.
	 * @param event the event as parsed from the written line
	 * @param secret the secret
	 * @return the leaked run, or {@code null} when none is found
	 */
	public static String leakedRun(JsonNode event, String secret) {
		ObjectNode checked = ((ObjectNode) event).deepCopy();
		checked.remove("@timestamp");
		List<String> generatedIds = new ArrayList<>();
		checked.properties().forEach((field) -> {
			if (field.getValue().isString() && UUID_SHAPE.matcher(field.getValue().asString()).matches()) {
				generatedIds.add(field.getKey());
			}
		});
		checked.remove(generatedIds);
		String json = checked.toString();
		StringBuilder values = new StringBuilder();
		collectStrings(checked, values);
		for (String form : forms(secret)) {
			for (int i = 0; i + MIN_RUN <= form.length(); i++) {
				String run = form.substring(i, i + MIN_RUN);
				if (json.contains(run) || values.indexOf(run) >= 0) {
					return run;
				}
			}
		}
		return null;
	}

	private static Set<String> forms(String secret) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(secret);
		forms.add(jsonEscaped(secret));
		forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
		return forms;
	}

	/**
	 * Escapes text as inside a JSON string.
	 * @param text the text
	 * @return the escaped text, without quotes
	 */
	public static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < ' ') {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	private static void collectStrings(JsonNode node, StringBuilder values) {
		if (node.isString()) {
			values.append(node.asString()).append('\u0000');
		}
		List<JsonNode> children = new ArrayList<>();
		node.forEach(children::add);
		node.propertyNames().forEach((name) -> values.append(name).append('\u0000'));
		children.forEach((child) -> collectStrings(child, values));
	}

}
