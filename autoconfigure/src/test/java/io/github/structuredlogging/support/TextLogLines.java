package io.github.structuredlogging.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text formats the starter writes, strictly: a line that does not parse fails the test.
 */
public final class TextLogLines {

	private TextLogLines() {
	}

	/**
	 * Parses one logfmt line.
	 * @param line the line, without its line break
	 * @return the pairs in order
	 * @throws IllegalArgumentException if the line is not well-formed logfmt
	 */
	public static Map<String, String> logfmt(String line) {
		Map<String, String> pairs = new LinkedHashMap<>();
		int i = 0;
		while (i < line.length()) {
			int equals = line.indexOf('=', i);
			if (equals <= i) {
				throw new IllegalArgumentException("No key at " + i + " in: " + line);
			}
			String key = line.substring(i, equals);
			if (key.contains(" ") || key.contains("\"")) {
				throw new IllegalArgumentException("Bad key '" + key + "' in: " + line);
			}
			i = equals + 1;
			StringBuilder value = new StringBuilder();
			if (i < line.length() && line.charAt(i) == '"') {
				i++;
				while (line.charAt(i) != '"') {
					char ch = line.charAt(i);
					if (ch == '\\') {
						char escaped = line.charAt(++i);
						switch (escaped) {
							case 'n' -> value.append('\n');
							case 'r' -> value.append('\r');
							case 't' -> value.append('\t');
							case 'u' -> {
								value.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
								i += 4;
							}
							default -> value.append(escaped);
						}
					}
					else {
						value.append(ch);
					}
					i++;
				}
				i++;
			}
			else {
				while (i < line.length() && line.charAt(i) != ' ') {
					value.append(line.charAt(i++));
				}
			}
			if (pairs.put(key, value.toString()) != null) {
				throw new IllegalArgumentException("Duplicate key '" + key + "' in: " + line);
			}
			if (i < line.length() && line.charAt(i++) != ' ') {
				throw new IllegalArgumentException("No space after value of '" + key + "' in: " + line);
			}
		}
		return pairs;
	}

	/**
	 * Parses RFC 4180 records.
	 * @param text the records, each ended by CRLF
	 * @return the records, each a list of fields
	 * @throws IllegalArgumentException if the text is not well-formed
	 */
	public static List<List<String>> csv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char ch = text.charAt(i);
			if (ch == '"' && field.isEmpty()) {
				i++;
				while (true) {
					if (text.charAt(i) == '"') {
						if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
					}
						i++;
						break;
					}
					field.append(text.charAt(i++));
				}
				continue;
			}
			if (ch == ',') {
				record.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i += 2;
			}
			else if (ch == '"' || ch == '\n' || ch == '\r') {
				throw new IllegalArgumentException("Unquoted " + (int) ch + " at " + i);
			}
			else {
				field.append(ch);
				i++;
			}
		}
		if (!record.isEmpty() || !field.isEmpty()) {
			throw new IllegalArgumentException("Last record not ended by CRLF");
		}
		return records;
	}

}
