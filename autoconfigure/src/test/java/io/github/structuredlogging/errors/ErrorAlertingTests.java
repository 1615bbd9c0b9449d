package io.github.structuredlogging.errors;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs ERROR events into a running application whose clock the test moves, and checks the alerts it raises: the
 * application events it publishes, the {@code error_alert} events it writes and the counters it keeps.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorAlertingTests {

	private static final Logger log = LoggerFactory.getLogger(ErrorAlertingTests.class);

	private static final Duration WINDOW = Duration.ofMinutes(1);

	@Test
	void raisesExactlyOneAlertPerWindowWhenTheThresholdIsReached(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			MutableClock clock = context.getBean(MutableClock.class);
			List<ErrorAlert> alerts = context.getBean(AlertListener.class).alerts;
			logErrors(49);
			assertThat(alerts).isEmpty();
			logErrors(1);
			assertThat(alerts).singleElement().satisfies((alert) -> {
				assertThat(alert.key()).isEqualTo(ErrorTracker.ALL_ERRORS);
				assertThat(alert.count()).isEqualTo(50);
				assertThat(alert.threshold()).isEqualTo(50);
			});
			logErrors(60);
			clock.advance(Duration.ofSeconds(59));
			logErrors(60);
			assertThat(alerts).hasSize(1);
			clock.advance(WINDOW);
			logErrors(49);
			assertThat(alerts).hasSize(1);
			logErrors(1);
			assertThat(alerts).hasSize(2);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(ErrorMetrics.METER)
				.tag("exception", IOException.class.getName())
				.tag("logger", ErrorAlertingTests.class.getName())
				.counter()
				.count()).isEqualTo(49 + 1 + 60 + 60 + 49 + 1);
		}
		List<JsonNode> written = JsonLogLines.of(output).withField("event", ErrorTracker.ALERT_EVENT);
		assertThat(written).hasSize(2);
		JsonNode first = written.get(0);
		assertThat(first.get("level").asString()).isEqualTo("WARN");
		assertThat(first.get("alert_key").asString()).isEqualTo("all");
		assertThat(first.get("error_count").asInt()).isEqualTo(50);
		assertThat(first.get("threshold").asInt()).isEqualTo(50);
		assertThat(first.get("window").asString()).isEqualTo("PT1M");
	}

	@Test
	void countsOnlyErrorsWithinTheSlidingWindow() {
		try (ConfigurableApplicationContext context = start()) {
			MutableClock clock = context.getBean(MutableClock.class);
			List<ErrorAlert> alerts = context.getBean(AlertListener.class).alerts;
			logErrors(30);
			clock.advance(Duration.ofSeconds(45));
			logErrors(19);
			assertThat(alerts).isEmpty();
			clock.advance(Duration.ofSeconds(20));
			logErrors(30);
			assertThat(alerts).isEmpty();
			logErrors(1);
			assertThat(alerts).hasSize(1);
			assertThat(alerts.get(0).firstErrorAt()).isEqualTo(Instant.parse("2026-01-01T00:00:45Z"));
		}
	}

	@Test
	void raisesAlertsOfTheirOwnForExceptionTypesWithAThreshold() {
		try (ConfigurableApplicationContext context = start(
				"structured-logging.errors.alert.exceptions[java.lang.IllegalStateException]=3")) {
			List<ErrorAlert> alerts = context.getBean(AlertListener.class).alerts;
			logErrors(3);
			assertThat(alerts).isEmpty();
			IllegalStateException failure = new IllegalStateException("bad state");
			failure.setStackTrace(new StackTraceElement[0]);
			for (int i = 0; i < 3; i++) {
				log.error("state", failure);
			}
			assertThat(alerts).singleElement()
				.satisfies((alert) -> assertThat(alert.key()).isEqualTo(IllegalStateException.class.getName()));
			ErrorTrackingHealthIndicator health = context.getBean(ErrorTrackingHealthIndicator.class);
			assertThat(health.health().getDetails()).containsEntry("alerting", true);
		}
	}

	@Test
	void stopsTrackingWhenTheContextCloses() {
		List<ErrorAlert> alerts;
		try (ConfigurableApplicationContext context = start("structured-logging.errors.alert.threshold=1")) {
			alerts = context.getBean(AlertListener.class).alerts;
		}
		logErrors(1);
		assertThat(alerts).isEmpty();
	}

	/**
	 * Without stack frames, so that hundreds of errors stay readable in the build output.
	 */
	private static void logErrors(int count) {
		IOException failure = new IOException("connection reset");
		failure.setStackTrace(new StackTraceElement[0]);
		for (int i = 0; i < count; i++) {
			log.error("payment gateway unreachable", failure);
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(AlertingConfiguration.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.threshold.console=TRACE")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ErrorTrackingAutoConfiguration.class, ErrorTrackingMetricsAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class })
	static class AlertingConfiguration {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		}

		@Bean
		AlertListener alertListener() {
			return new AlertListener();
		}

	}

	static class AlertListener {

		final List<ErrorAlert> alerts = new CopyOnWriteArrayList<>();

		@EventListener
		void onAlert(ErrorThresholdExceededEvent event) {
			this.alerts.add(event.getAlert());
		}

	}

}
