package io.github.structuredlogging.exchange;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of received requests that get no exchange line, written as Spring path patterns.
 */
public final class ExcludedPaths {

	private final List<PathPattern> patterns;

	public ExcludedPaths(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/**
	 * Tells whether a request path is excluded.
	 * @param path the path within the application, without the context path
	 * @return whether the request gets no line
	 */
	public boolean excludes(String path) {
		if (this.patterns.isEmpty()) {
			return false;
		}
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

}
