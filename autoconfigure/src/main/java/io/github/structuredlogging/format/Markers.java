package io.github.structuredlogging.format;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.slf4j.Marker;

/**
 * The names of an event's markers and of the markers they reference, as Spring Boot's formatters write them in
 * {@code tags}.
 */
final class Markers {

	private Markers() {
	}

	static Set<String> names(List<Marker> markers, Set<String> names) {
		add(names, markers.iterator());
		return names;
	}

	private static void add(Set<String> names, Iterator<Marker> markers) {
		while (markers.hasNext()) {
			Marker marker = markers.next();
			names.add(marker.getName());
			if (marker.hasReferences()) {
				add(names, marker.iterator());
			}
		}
	}

}
