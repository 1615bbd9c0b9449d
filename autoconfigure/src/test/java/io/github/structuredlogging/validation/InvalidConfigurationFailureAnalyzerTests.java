package io.github.structuredlogging.validation;

import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.event.EventProperties;
import io.github.structuredlogging.performance.PerformanceProperties;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Starts applications with invalid {@code structured-logging.*} properties, both those read while logging starts
 * and those bound as beans, and reads what the analyzer reports.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalyzerTests {

	private final InvalidConfigurationFailureAnalyzer analyzer = new InvalidConfigurationFailureAnalyzer();

	@Test
	void reportsAMaskingPatternThatDoesNotCompileBeforeLoggingStarts(CapturedOutput output) {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.masking.patterns.voucher.regex=VCH-([0-9]+");
		assertThat(analysis.getDescription())
			.contains("Property: structured-logging.masking.patterns.voucher.regex")
			.contains("Value: \"VCH-([0-9]+\"")
			.contains("Allowed: must be a regular expression that compiles (Unclosed group near index 11)");
		assertThat(output).contains("Invalid structured-logging configuration")
			.contains("structured-logging.masking.patterns.voucher.regex");
	}

	@Test
	void reportsANegativeCapacityBeforeLoggingStarts() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.limits.max-key-value-count=-5");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.limits.max-key-value-count")
			.contains("Value: \"-5\"")
			.contains("Origin: \"structured-logging.limits.max-key-value-count\" from property source")
			.contains("Allowed: must be greater than 0");
		assertThat(analysis.getAction()).contains("so that each value is allowed");
	}

	@Test
	void reportsAValueOfTheWrongTypeBeforeLoggingStarts() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.limits.max-message-length=lots");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.limits.max-message-length")
			.contains("Value: \"lots\"")
			.contains("Allowed: must be convertible to int");
	}

	@Test
	void reportsAPatternOfTheUsersOwnWithoutRegex() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.masking.patterns.voucher.enabled=true");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.masking.patterns.voucher.regex")
			.contains("Value: (not set)")
			.contains("Allowed: must be set to a regular expression, as 'voucher' is not a built-in pattern "
					+ "(private-key, url-credentials, cookie-header, password-pair, bearer-token, jwt, service-token, "
					+ "aws-access-key, aws-secret-key, card-number, email, iban)");
	}

	@Test
	void reportsARateAboveOneOnABoundBean() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.example.sample-rate=1.5");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.example.sample-rate")
			.contains("Value: \"1.5\"")
			.contains("Allowed: must be a rate from 0.0 to 1.0 inclusive");
	}

	@Test
	void reportsACapacityThatIsNotAPowerOfTwoOnABoundBean() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.example.ring-buffer-size=1000");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.example.ring-buffer-size")
			.contains("Value: \"1000\"")
			.contains("Allowed: must be a positive power of two");
	}

	@Test
	void reportsANegativeCapacityOnABoundBean() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.example.queue-capacity=-1");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.example.queue-capacity")
			.contains("Allowed: must be greater than 0");
	}

	@Test
	void reportsEveryInvalidPropertyOfOneGroupTogether() {
		FailureAnalysis correlation = analyzeStartFailure("structured-logging.correlation.allowed-value-pattern=[a-z",
				"structured-logging.correlation.max-value-length=100000");
		assertThat(correlation.getDescription())
			.contains("Property: structured-logging.correlation.allowed-value-pattern")
			.contains("Allowed: must be a regular expression that compiles (Unclosed character class near index 3)")
			.contains("Property: structured-logging.correlation.max-value-length")
			.contains("Allowed: must be less than or equal to 1024");
	}

	@Test
	void reportsAPercentileOutsideZeroToOne() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.performance.metrics.percentiles=0.5,1.5");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.performance.metrics.percentiles")
			.contains("1.5")
			.contains("Allowed: must be less than or equal to 1.0");
	}

	@Test
	void reportsAZeroBusinessEventTypeCap() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.events.metrics.max-types=0");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.events.metrics.max-types")
			.contains("Allowed: must be greater than 0");
	}

	@Test
	void reportsAnAsyncQueueSizeThatIsNotAPowerOfTwoBeforeLoggingStarts() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.async.queue-size=1000");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.async.queue-size")
			.contains("Value: \"1000\"")
			.contains("Allowed: must be a positive power of two");
	}

	@Test
	void reportsASamplingRateAboveOneBeforeLoggingStarts() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.sampling.rates.com.acme.noisy=1.5");
		assertThat(analysis.getDescription()).contains("structured-logging.sampling.rates")
			.contains("1.5")
			.contains("Allowed: must be a rate from 0.0 to 1.0 inclusive");
	}

	@Test
	void reportsADropLevelThatWouldLoseWarnings() {
		FailureAnalysis analysis = analyzeStartFailure("structured-logging.async.drop-level=warn");
		assertThat(analysis.getDescription()).contains("Property: structured-logging.async.drop-level")
			.contains("must be TRACE, DEBUG or INFO: WARN and above are never dropped");
	}

	@Test
	void leavesFailuresAboutOtherPropertiesToSpringBoot() {
		Throwable failure = catchThrowable(() -> start("other.example.queue-capacity=-1"));
		assertThat(failure).isNotNull();
		assertThat(this.analyzer.analyze(failure)).isNull();
	}

	private FailureAnalysis analyzeStartFailure(String... properties) {
		Throwable failure = catchThrowable(() -> start(properties));
		assertThat(failure).as("start-up failure").isNotNull();
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	private static void start(String... properties) {
		new SpringApplicationBuilder(ExampleConfiguration.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.properties(properties)
			.run()
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ExampleProperties.class, OtherProperties.class, CorrelationProperties.class,
			PerformanceProperties.class, EventProperties.class })
	static class ExampleConfiguration {

	}

	/**
	 * Stands for the properties other features add, using the same constraints.
	 */
	@ConfigurationProperties("structured-logging.example")
	@Validated
	static class ExampleProperties {

		@Rate
		private double sampleRate = 0.1;

		@PowerOfTwo
		private int ringBufferSize = 1024;

		@Positive
		private int queueCapacity = 100;

		public double getSampleRate() {
			return this.sampleRate;
		}

		public void setSampleRate(double sampleRate) {
			this.sampleRate = sampleRate;
		}

		public int getRingBufferSize() {
			return this.ringBufferSize;
		}

		public void setRingBufferSize(int ringBufferSize) {
			this.ringBufferSize = ringBufferSize;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	@ConfigurationProperties("other.example")
	@Validated
	static class OtherProperties {

		@Positive
		private int queueCapacity = 100;

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

}
