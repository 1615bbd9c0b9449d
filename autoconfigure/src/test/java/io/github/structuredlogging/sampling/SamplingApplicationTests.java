package io.github.structuredlogging.sampling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.async.LogPipelineAppender;
import io.github.structuredlogging.async.LogPipelines;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sampling as configured in an application's YAML, measured in the JSON file the application wrote.
 */
@Tag("production-jit")
class SamplingApplicationTests {

	@TempDir
	Path directory;

	@Test
	void appliesThePerLoggerRateFromYamlAcrossThreadsAndNeverSamplesWarnings() throws Exception {
		Path file = this.directory.resolve("app.json");
		try (ConfigurableApplicationContext context = start(file)) {
			Logger noisy = LoggerFactory.getLogger("com.acme.noisy.Poller");
			Logger quiet = LoggerFactory.getLogger("com.acme.Orders");
			runOnFourThreads(() -> {
				for (int i = 0; i < 25; i++) {
					noisy.info("polled {}", i);
					noisy.info("poll result {}", i);
					noisy.warn("poll slow {}", i);
					quiet.info("order {}", i);
				}
			});
			await().until(() -> lines(file).all().size() >= 10 + 10 + 100 + 100);
			JsonLogLines lines = lines(file);
			assertThat(lines.where((event) -> event.get("message").asString().startsWith("polled "))).hasSize(10);
			assertThat(lines.where((event) -> event.get("message").asString().startsWith("poll result "))).hasSize(10);
			assertThat(lines.where((event) -> event.get("message").asString().startsWith("poll slow "))).hasSize(100);
			assertThat(lines.withField("logger", "com.acme.Orders")).hasSize(100);
			LogPipelineAppender pipeline = pipeline();
			assertThat(pipeline.getSampled(Level.INFO)).isEqualTo(180);
			assertThat(pipeline.getSampled(Level.WARN)).isZero();
		}
	}

	@Test
	void doesNotCountEventsOfADisabledLevelAsSampled() throws Exception {
		Path file = this.directory.resolve("app.json");
		try (ConfigurableApplicationContext context = start(file)) {
			Logger noisy = LoggerFactory.getLogger("com.acme.noisy.Poller");
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel("com.acme.noisy", LogLevel.WARN);
			LogPipelineAppender pipeline = pipeline();
			long acceptedBefore = pipeline.getAccepted(Level.INFO);
			for (int i = 0; i < 100; i++) {
				noisy.info("polled {}", i);
			}
			assertThat(pipeline.getSampled(Level.INFO)).isZero();
			assertThat(pipeline.getAccepted(Level.INFO)).isEqualTo(acceptedBefore);
		}
	}

	/**
	 * Starts an application configured by {@code sampling-test.yml}, writing its log to the given file.
	 */
	private static ConfigurableApplicationContext start(Path file) {
		return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("spring.config.name=sampling-test", "logging.file.name=" + file)
			.run();
	}

	private static LogPipelineAppender pipeline() {
		return LogPipelines.find((LoggerContext) LoggerFactory.getILoggerFactory()).get(0);
	}

	private static JsonLogLines lines(Path file) throws Exception {
		return JsonLogLines.parse(Files.readString(file));
	}

	private static void runOnFourThreads(Runnable work) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			done.add(threads.submit(() -> {
				start.await();
				work.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(10, TimeUnit.SECONDS);
		}
		threads.shutdown();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
