package io.github.structuredlogging.sample;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.structuredlogging.async.LogPipelineAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static io.github.structuredlogging.sample.WrittenLog.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the packaged sample app the way a Boot 4 user runs an ahead-of-time processed application: its jar, built
 * with {@code spring-boot:process-aot}, started in a JVM of its own with {@code -Dspring.aot.enabled=true} on a
 * random port. Bean definitions then come from generated code, not from classpath scanning and reflection, so
 * whatever the starter does through the bean factory at run time (bound-logger injection through its autowire
 * candidate resolver, the {@code @LogPerformance} proxies, the filters, the endpoint) must survive that. Checked
 * through HTTP and the JSON log file the app really wrote.
 */
class AotSampleAppIT {

	private static final Path WORK = Path.of("target/aot-it");

	private static final Path LOG_FILE = WORK.resolve("sample.log");

	private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	/** A Visa test number that passes the Luhn check, so the card masker must catch it. */
	private static final String CARD = "4539 1488 0343 6467";

	private static final String CORRELATION_ID = "aot-order-1";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static Process app;

	private static int port;

	private static WrittenLog log;

	@BeforeAll
	static void startAotProcessedApp() throws Exception {
		Path jar = executableJar();
		try (JarFile contents = new JarFile(jar.toFile())) {
			assertThat(contents.getEntry(
					"BOOT-INF/classes/io/github/structuredlogging/sample/SampleApplication__ApplicationContextInitializer.class"))
				.as("the jar holds the code spring-boot:process-aot generated")
				.isNotNull();
		}
		FileSystemUtils.deleteRecursively(WORK);
		Files.createDirectories(WORK);
		log = WrittenLog.from(LOG_FILE);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		app = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
				"--logging.file.name=" + LOG_FILE)
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("console.log").toFile())
			.start();
		// Generous: two cores shared by several builds can slow start-up tenfold.
		String started = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(app.isAlive()).as("the app exited; see %s", WORK.resolve("console.log")).isTrue();
			return Files.exists(LOG_FILE) ? Files.readString(LOG_FILE) : "";
		}, (text) -> STARTED_ON_PORT.matcher(text).find());
		Matcher matcher = STARTED_ON_PORT.matcher(started);
		assertThat(matcher.find()).isTrue();
		port = Integer.parseInt(matcher.group(1));
	}

	@AfterAll
	static void stopApp() throws InterruptedException {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void theAppRunsFromTheAheadOfTimeGeneratedBeanDefinitions() {
		List<JsonNode> startup = log.events(field("logger", "io.github.structuredlogging.sample.SampleApplication"));
		assertThat(startup).anySatisfy(
				(line) -> assertThat(line.get("message").asString()).startsWith("Starting AOT-processed SampleApplication"));
	}

	@Test
	void theNativeImageMetadataCarriesTheStartersHints() throws IOException {
		Path metadata = Path.of("target/spring-aot/main/resources/META-INF/native-image/io.github.structuredlogging"
				+ "/structured-logging-sample-app/reachability-metadata.json");
		List<String> reflected = MAPPER.readTree(metadata.toFile())
			.get("reflection")
			.valueStream()
			.map((entry) -> entry.path("type").asString())
			.toList();
		assertThat(reflected).as("positive control: Spring's own hints for the app's beans")
			.contains("io.github.structuredlogging.sample.order.OrderService");
		assertThat(reflected).as("bound by the logging system before any bean exists; no bean registers it")
			.contains("io.github.structuredlogging.limits.LimitsProperties");
		assertThat(reflected).as("instantiated by Hibernate Validator")
			.contains("io.github.structuredlogging.validation.PowerOfTwoValidator");
	}

	@Test
	void placingAnOrderKeepsEveryFeatureOfTheStarter() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Content-Type", "application/json")
			.header("X-Correlation-Id", CORRELATION_ID)
			.POST(BodyPublishers.ofString("{\"item\":\"gift card " + CARD + "\",\"quantity\":2}")));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("X-Correlation-Id")).as("correlation echo").hasValue(CORRELATION_ID);
		assertThat(response.body()).as("positive control: the card number reached the app").contains(CARD);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> log.events(field("operation", "orders.confirmation")), (lines) -> !lines.isEmpty());
		List<JsonNode> request = log.events(field("correlation_id", CORRELATION_ID));

		JsonNode placed = single(request, field("message", "Order placed"));
		assertThat(placed.get("component").asString()).as("bound logger, from @LogContext").isEqualTo("orders");
		assertThat(placed.get("version").asString()).as("bound logger, from build-info").isEqualTo(appVersion());
		String orderId = placed.get("order_id").asString();
		assertThat(response.body()).contains(orderId);

		JsonNode event = single(request, field("event_type", "order_placed"));
		assertThat(event.get("logger").asString()).isEqualTo("business");
		assertThat(event.get("order_id").asString()).isEqualTo(orderId);
		assertThat(event.get("quantity").asInt()).isEqualTo(2);

		JsonNode measured = single(request, field("operation", "OrderService.place"));
		assertThat(measured.get("logger").asString()).isEqualTo("performance");
		assertThat(measured.get("status").asString()).isEqualTo("success");
		assertThat(measured.get("duration_ms").asDouble()).isPositive();
		JsonNode confirmation = single(request, field("operation", "orders.confirmation"));
		assertThat(confirmation.get("thread").asString()).as("@Async and @LogPerformance on one proxy")
			.isNotEqualTo(measured.get("thread").asString());

		List<JsonNode> withItem = request.stream().filter((line) -> line.has("item")).toList();
		assertThat(withItem).as("the item is logged by the controller, the bound logger and the event")
			.extracting((line) -> line.get("message").asString())
			.contains("Placing order", "Order placed", "order_placed");
		assertThat(withItem).allSatisfy((line) -> {
			String item = line.get("item").asString();
			assertThat(item).as("the text around the card number is kept").startsWith("gift card ");
			assertThat(sixCharacterRuns(CARD)).noneMatch(item::contains);
		});
		String written = log.text();
		assertThat(written).doesNotContain(CARD).doesNotContain(CARD.replace(" ", ""));
	}

	@Test
	void theActuatorEndpointAndMetersWork() throws Exception {
		send(HttpRequest.newBuilder(uri("/api/orders/missing")).header("X-Correlation-Id", "aot-lookup").GET());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> log.events(field("correlation_id", "aot-lookup").and(field("message", "Order not found"))),
					(lines) -> lines.size() == 1);

		JsonNode pipeline = get("/actuator/logpipeline").get("pipelines").get("ASYNC");
		assertThat(pipeline.get("consumer").asString()).isEqualTo("RUNNING");
		assertThat(pipeline.get("outputs").values()).extracting(JsonNode::asString).contains("FILE");
		assertThat(pipeline.get("levels").get("accepted").get("WARN").asLong()).isPositive();

		JsonNode timer = get("/actuator/metrics/logging.performance?tag=operation:OrderService.find");
		assertThat(timer.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
		assertThat(timer.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
		assertThat(get("/actuator/metrics/logging.async.queue.capacity").at("/measurements/0/value").asDouble())
			.isEqualTo(LogPipelineAppender.DEFAULT_QUEUE_SIZE);
		assertThat(get("/actuator/health").at("/components/logPipeline/status").asString()).isEqualTo("UP");
	}

	/** Every run of six consecutive characters of the secret: a masked line may hold none of them. */
	private static List<String> sixCharacterRuns(String secret) {
		return Stream.of(secret, secret.replace(" ", ""))
			.flatMap((form) -> IntStream.rangeClosed(0, form.length() - 6).mapToObj((i) -> form.substring(i, i + 6)))
			.toList();
	}

	private static JsonNode single(List<JsonNode> lines, Predicate<JsonNode> condition) {
		List<JsonNode> matching = lines.stream().filter(condition).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private static String appVersion() {
		return executableJar().getFileName().toString().replaceFirst("^structured-logging-sample-app-", "")
			.replaceFirst("\\.jar$", "");
	}

	private static Path executableJar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("structured-logging-sample-app-")
				&& name.endsWith(".jar"));
		assertThat(jars).as("the sample app's jar, built in the package phase").hasSize(1);
		return jars[0].toPath();
	}

	private static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return MAPPER.readTree(response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
