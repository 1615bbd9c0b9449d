package io.github.structuredlogging.destination.otlp;

import io.github.structuredlogging.support.LoggingApplication;

/**
 * Starts an application with an {@code otlp} destination, run by {@link OtlpWithoutExporterTests} in a JVM whose
 * class path lacks the OTLP exporter; prints why the start failed, or exits with 3 if it did not.
 */
public final class OtlpWithoutExporterMain {

	private OtlpWithoutExporterMain() {
	}

	public static void main(String[] args) {
		try {
			LoggingApplication.start("structured-logging.destinations.collector.type=otlp",
					"structured-logging.destinations.collector.spill.enabled=false").close();
		}
		catch (RuntimeException ex) {
			ex.printStackTrace(System.out);
			System.exit(0);
		}
		System.exit(3);
	}

}
