package io.github.structuredlogging.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-level counts a process wrote to stderr in its loss summary lines ({@code dropped={INFO=3, ...}}), as a
 * child JVM's last words are read by the tests that run it.
 */
public final class LossSummary {

	private static final Pattern COUNTS = Pattern.compile("(\\w+)=\\{([^}]*)\\}");

	private LossSummary() {
	}

	/**
	 * Parses the first line that starts with the prefix.
	 * @param stderr what the process wrote to stderr
	 * @param prefix the start of the summary line
	 * @return counts by kind ({@code dropped}, {@code accepted}, ...), then by level name; empty without such a line
	 */
	public static Map<String, Map<String, Long>> parse(String stderr, String prefix) {
		Map<String, Map<String, Long>> counts = new HashMap<>();
		stderr.lines().filter((line) -> line.startsWith(prefix)).findFirst().ifPresent((line) -> {
			Matcher matcher = COUNTS.matcher(line);
			while (matcher.find()) {
				Map<String, Long> perLevel = new HashMap<>();
				for (String entry : matcher.group(2).split(", ")) {
					String[] pair = entry.split("=");
					perLevel.put(pair[0], Long.parseLong(pair[1]));
				}
				counts.putIfAbsent(matcher.group(1), perLevel);
			}
		});
		return counts;
	}

	/**
	 * One count of a summary.
	 * @param counts the parsed summary
	 * @param kind e.g. {@code dropped}
	 * @param level e.g. {@code INFO}
	 * @return the count, 0 when the summary does not have it
	 */
	public static long count(Map<String, Map<String, Long>> counts, String kind, String level) {
		return counts.getOrDefault(kind, Map.of()).getOrDefault(level, 0L);
	}

}
