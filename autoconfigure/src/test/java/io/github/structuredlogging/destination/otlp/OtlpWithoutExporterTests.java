package io.github.structuredlogging.destination.otlp;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: otlp} in an application without {@code opentelemetry-exporter-otlp}: refused at start-up naming the
 * property and the missing artifact. The exporter is taken off the class path of a child JVM, so the check runs
 * against the class path an application really has.
 */
class OtlpWithoutExporterTests {

	@Test
	void refusesTheOtlpTypeNamingThePropertyWhenTheExporterIsMissing() throws Exception {
		String classPath = System.getProperty("java.class.path");
		String withoutExporter = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.contains("opentelemetry-exporter-otlp"))
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(withoutExporter).as("the exporter was on the class path to take off").isNotEqualTo(classPath);
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				withoutExporter, OtlpWithoutExporterMain.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(output).isZero();
		assertThat(output).contains("structured-logging.destinations.collector.type")
			.contains("io.opentelemetry:opentelemetry-exporter-otlp")
			.doesNotContain("NoClassDefFoundError");
	}

}
