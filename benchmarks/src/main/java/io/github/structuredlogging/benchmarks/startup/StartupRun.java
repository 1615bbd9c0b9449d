package io.github.structuredlogging.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Start-up cost of the starter: the same small web application ({@link StartupApplication}) started in a fresh JVM
 * with the starter on the class path and without it, alternately so that a change in the machine's load hits both
 * alike. Reports, per variant, the median time to ready and the median CPU time the process used until then (which
 * moves less on a shared machine), and the ratios with to without; then the classes each loaded, which do not move
 * with the load at all, and the JIT's compilation time. Not a JMH benchmark: each sample is a new JVM.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.structuredlogging.benchmarks.startup.StartupRun
 * benchmarks/target/classpath.txt [rounds]}, the class path file written by the build command in the benchmarks'
 * README.
 */
public final class StartupRun {

	/** Class path entries that make up the starter: its module and the libraries only it brings. */
	private static final List<String> STARTER_ENTRIES = List.of("structured-logging-spring-boot-autoconfigure",
			"autoconfigure/target/classes", "logstash-logback-encoder", "com/lmax/disruptor");

	/** The other benchmarks' libraries, which the application does not use: left out of both class paths. */
	private static final List<String> BENCHMARK_ENTRIES = List.of("log4j-core", "log4j-layout-template-json",
			"jmh-core", "jopt-simple", "commons-math3");

	private StartupRun() {
	}

	public static void main(String[] args) throws Exception {
		Path classpathFile = Path.of(args[0]);
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Path classes = classpathFile.toAbsolutePath().getParent().resolve("classes");
		List<String> dependencies = Arrays.stream(Files.readString(classpathFile).trim().split(File.pathSeparator))
			.filter((entry) -> BENCHMARK_ENTRIES.stream().noneMatch(entry::contains))
			.toList();
		String with = classes + File.pathSeparator + String.join(File.pathSeparator, dependencies);
		String without = classes + File.pathSeparator + dependencies.stream()
			.filter((entry) -> STARTER_ENTRIES.stream().noneMatch(entry::contains))
			.collect(Collectors.joining(File.pathSeparator));
		if (with.equals(without)) {
			throw new IllegalStateException("The starter is not on the class path in " + classpathFile);
		}
		// One start of each first, unmeasured: fills the OS file cache for both.
		start(with);
		start(without);
		List<long[]> withStarter = new ArrayList<>();
		List<long[]> withoutStarter = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			withStarter.add(start(with));
			withoutStarter.add(start(without));
			System.out.printf(Locale.ROOT, "round %d: with %s, without %s%n", round + 1, describe(withStarter.get(round)),
					describe(withoutStarter.get(round)));
		}
		double wallWith = median(withStarter, 0);
		double wallWithout = median(withoutStarter, 0);
		double cpuWith = median(withStarter, 1);
		double cpuWithout = median(withoutStarter, 1);
		System.out.printf(Locale.ROOT, "median of %d alternating starts: with starter %.0f ms (cpu %.0f ms), "
				+ "without %.0f ms (cpu %.0f ms); ratio time to ready %.3f, cpu %.3f%n", rounds, wallWith, cpuWith,
				wallWithout, cpuWithout, wallWith / wallWithout, cpuWith / cpuWithout);
		// The count of loaded classes does not move with the machine's load: a change in what starting loads shows
		// here exactly, where a few per cent of time is lost in the noise.
		double classesWith = median(withStarter, 2);
		double classesWithout = median(withoutStarter, 2);
		System.out.printf(Locale.ROOT, "classes loaded (median): with starter %.0f, without %.0f, %+.0f; "
				+ "JIT compilation time (median): %.0f ms against %.0f ms%n", classesWith, classesWithout,
				classesWith - classesWithout, median(withStarter, 3), median(withoutStarter, 3));
	}

	private static String describe(long[] start) {
		return String.format(Locale.ROOT, "%d ms (cpu %d ms, %d classes, JIT %d ms)", start[0], start[1], start[2],
				start[3]);
	}

	/**
	 * Starts the application in a new JVM and waits for it to report.
	 * @return milliseconds to ready, CPU milliseconds used until then, classes loaded and JIT compilation
	 * milliseconds
	 */
	private static long[] start(String classpath) throws InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classpath, StartupApplication.class.getName());
		builder.redirectErrorStream(true);
		try {
			Process process = builder.start();
			long[] result = null;
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = output.readLine()) != null) {
					if (line.startsWith(StartupApplication.READY)) {
						result = Arrays.stream(line.split(" ")).skip(1).mapToLong(Long::parseLong).toArray();
					}
				}
			}
			if (process.waitFor() != 0 || result == null) {
				throw new IllegalStateException("The application did not start (exit " + process.exitValue() + ")");
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double median(List<long[]> samples, int index) {
		long[] values = samples.stream().mapToLong((sample) -> sample[index]).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
	}

}
