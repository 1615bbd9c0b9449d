package io.github.structuredlogging.output;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoggingProfileDefaults} reads {@code enabled} and {@code development-profiles} with Boot's relaxed binding,
 * as the properties class would bind them.
 */
class LoggingProfileDefaultsTests {

	private final SpringApplication application = new SpringApplication(LoggingProfileDefaultsTests.class);

	@Test
	void aDevelopmentProfileListedAsACommaSeparatedValueSelectsTheDevelopmentDefaults() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("structured-logging.output.developmentProfiles", "sandbox, laptop");
		environment.setActiveProfiles("laptop");
		new LoggingProfileDefaults().postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty(LoggingProfileDefaults.APPLIED_DEFAULTS_PROPERTY))
			.isEqualTo(LoggingProfileDefaults.DEVELOPMENT_DEFAULTS);
	}

	@Test
	void anIndexedDevelopmentProfileListReplacesTheDefaultOnes() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("structured-logging.output.development-profiles[0]", "sandbox");
		environment.setActiveProfiles("dev");
		new LoggingProfileDefaults().postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty(LoggingProfileDefaults.APPLIED_DEFAULTS_PROPERTY)).isEqualTo("none");
	}

	@Test
	void theBannerStaysWhenTheStarterDoesNotWriteTheConsole() {
		MockEnvironment environment = new MockEnvironment().withProperty("structured-logging.output.enabled", "FALSE");
		new LoggingProfileDefaults().postProcessEnvironment(environment, this.application);
		assertThat(environment.containsProperty("spring.main.banner-mode")).isFalse();
	}

	@Test
	void theBannerIsSwitchedOffWhenTheConsoleWritesJson() {
		MockEnvironment environment = new MockEnvironment();
		new LoggingProfileDefaults().postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

}
