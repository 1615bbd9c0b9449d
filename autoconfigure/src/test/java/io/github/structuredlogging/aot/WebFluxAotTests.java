package io.github.structuredlogging.aot;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correlation on WebFlux in an application processed ahead of time, as {@code spring-boot:process-aot} does it:
 * {@link SpringApplicationAotProcessor} generates the bean definitions of {@link ReactiveAotApplication}, javac
 * compiles them, and the application runs from them in a JVM of its own with {@code -Dspring.aot.enabled=true}, on a
 * random port. The sample app covers the servlet side the same way ({@code AotSampleAppIT}).
 */
class WebFluxAotTests {

	private static final Path WORK = Path.of("target/webflux-aot");

	private static final Pattern STARTED_ON_PORT = Pattern.compile("Netty started on port (\\d+)");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static Process app;

	private static int port;

	@BeforeAll
	static void processAheadOfTimeAndStart() throws Exception {
		FileSystemUtils.deleteRecursively(WORK);
		Path sources = WORK.resolve("sources");
		Path resources = WORK.resolve("resources");
		Path classes = WORK.resolve("classes");
		SpringApplicationAotProcessor.main(new String[] { ReactiveAotApplication.class.getName(), sources.toString(),
				resources.toString(), classes.toString(), "io.github.structuredlogging", "webflux-aot" });
		compile(sources, classes);
		String classPath = String.join(File.pathSeparator, classes.toString(), resources.toString(), testClassPath());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		app = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-cp", classPath,
				ReactiveAotApplication.class.getName(), "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("console.log").toFile())
			.start();
		String output = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(app.isAlive()).as("the app exited; see %s", WORK.resolve("console.log")).isTrue();
			return Files.readString(WORK.resolve("console.log"));
		}, (text) -> STARTED_ON_PORT.matcher(text).find());
		Matcher matcher = STARTED_ON_PORT.matcher(output);
		assertThat(matcher.find()).isTrue();
		port = Integer.parseInt(matcher.group(1));
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void theAppRunsFromGeneratedCode() throws IOException {
		assertThat(Files.readString(WORK.resolve("console.log")))
			.contains("Starting AOT-processed ReactiveAotApplication");
	}

	@Test
	void theIdIsEchoedAndFollowsTheRequestOntoOtherSchedulers() throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/id?probe=with-header"))
					.header("X-Correlation-Id", "aot-reactive-1")
					.build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("aot-reactive-1");
		assertThat(response.body()).isEqualTo("aot-reactive-1 on boundedElastic");

		List<JsonNode> lines = await().atMost(Duration.ofSeconds(30))
			.until(() -> probeLines("with-header"), (found) -> !found.isEmpty());
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.get("correlation_id").asString()).isEqualTo("aot-reactive-1");
			assertThat(line.get("thread").asString()).startsWith("boundedElastic-");
		});
	}

	@Test
	void aRequestWithoutAnIdGetsAGeneratedOne() throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/id?probe=without-header")).build(),
				BodyHandlers.ofString());
		String generated = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(generated).isNotBlank().isNotEqualTo("aot-reactive-1");
		assertThat(response.body()).isEqualTo(generated + " on boundedElastic");
		List<JsonNode> lines = await().atMost(Duration.ofSeconds(30))
			.until(() -> probeLines("without-header"), (found) -> !found.isEmpty());
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line.get("correlation_id").asString()).isEqualTo(generated));
	}

	/** The controller's lines for one request, selected by its probe, not by the correlation id under test. */
	private static List<JsonNode> probeLines(String probe) throws IOException {
		return Files.readAllLines(WORK.resolve("console.log"))
			.stream()
			.filter((line) -> line.startsWith("{"))
			.map(MAPPER::readTree)
			.filter((line) -> probe.equals(line.path("probe").asString()))
			.toList();
	}

	private static void compile(Path sources, Path classes) throws IOException {
		Files.createDirectories(classes);
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", testClassPath(),
				"-proc:none", "-nowarn"));
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
	}

	/** Surefire starts tests through a manifest-only jar; this is the class path it names. */
	private static String testClassPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

}
