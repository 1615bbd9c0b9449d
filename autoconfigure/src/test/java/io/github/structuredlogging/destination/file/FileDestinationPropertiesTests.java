package io.github.structuredlogging.destination.file;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.structuredlogging.destination.DestinationProperties;
import io.github.structuredlogging.destination.DestinationType;
import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.output.OutputAutoConfiguration;
import io.github.structuredlogging.validation.InvalidConfigurationFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code file} destination's settings as the application context binds them: Spring Boot's rolling defaults, every
 * setting reaching its property, and bad values refused at start-up with the property named.
 */
class FileDestinationPropertiesTests {

	private static final String AUDIT = "structured-logging.destinations.audit.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutputAutoConfiguration.class));

	@Test
	void rollsWithTheDefaultsOfSpringBootsOwnFile() {
		this.runner.withPropertyValues(AUDIT + "type=file", AUDIT + "file.path=/var/log/orders/audit.log")
			.run((context) -> {
				DestinationProperties audit = context.getBean(DestinationsProperties.class)
					.getDestinations()
					.get("audit");
				assertThat(audit.getType()).isEqualTo(DestinationType.FILE);
				FileDestinationProperties file = audit.getFile();
				assertThat(file.getPath()).isEqualTo(Path.of("/var/log/orders/audit.log"));
				FileDestinationProperties.Rollingpolicy rolling = file.getRollingpolicy();
				assertThat(rolling.getFileNamePattern()).as("the path + .%d{yyyy-MM-dd}.%i.gz").isNull();
				assertThat(rolling.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
				assertThat(rolling.getMaxHistory()).isEqualTo(7);
				assertThat(rolling.getTotalSizeCap()).isEqualTo(DataSize.ofBytes(0));
				assertThat(rolling.isCleanHistoryOnStart()).isFalse();
			});
	}

	@Test
	void bindsEveryRollingSetting() {
		this.runner
			.withPropertyValues(AUDIT + "type=file", AUDIT + "file.path=audit.log",
					AUDIT + "file.rollingpolicy.file-name-pattern=archive/audit.%d{yyyy-MM-dd-HH}.%i.log",
					AUDIT + "file.rollingpolicy.max-file-size=64KB", AUDIT + "file.rollingpolicy.max-history=24",
					AUDIT + "file.rollingpolicy.total-size-cap=1GB",
					AUDIT + "file.rollingpolicy.clean-history-on-start=true")
			.run((context) -> {
				FileDestinationProperties.Rollingpolicy rolling = context.getBean(DestinationsProperties.class)
					.getDestinations()
					.get("audit")
					.getFile()
					.getRollingpolicy();
				assertThat(rolling.getFileNamePattern()).isEqualTo("archive/audit.%d{yyyy-MM-dd-HH}.%i.log");
				assertThat(rolling.getMaxFileSize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(rolling.getMaxHistory()).isEqualTo(24);
				assertThat(rolling.getTotalSizeCap()).isEqualTo(DataSize.ofGigabytes(1));
				assertThat(rolling.isCleanHistoryOnStart()).isTrue();
			});
	}

	@Test
	void otherTypesNeedNoPath() {
		this.runner.withPropertyValues(AUDIT + "type=console")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesAFileDestinationWithoutAPathNamingIt() {
		this.runner.withPropertyValues(AUDIT + "type=file", AUDIT + "level=warn")
			.run((context) -> assertThat(refusal(context.getStartupFailure())).satisfies(names("file.path"))
				.contains("must be set for a destination of type file"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			file.rollingpolicy.max-file-size   | 0B    | must be at least 1 bytes
			file.rollingpolicy.max-file-size   | -1MB  | must be at least 1 bytes
			file.rollingpolicy.total-size-cap  | -1KB  | must be at least 0 bytes
			file.rollingpolicy.max-history     | -1    | must be greater than or equal to 0
			file.rollingpolicy.max-file-size   | 10XB  | must be convertible to
			""")
	void refusesBadSizesNamingTheProperty(String property, String value, String allowed) {
		this.runner
			.withPropertyValues(AUDIT + "type=file", AUDIT + "file.path=audit.log", AUDIT + property + "=" + value)
			.run((context) -> assertThat(refusal(context.getStartupFailure())).satisfies(names(property))
				.contains(allowed));
	}

	/**
	 * The property as the user can write it: Boot names it {@code destinations.audit.} when binding fails and
	 * {@code destinations[audit].} when validation does, both valid spellings of the same property.
	 */
	private static Consumer<String> names(String property) {
		return (refusal) -> assertThat(refusal)
			.containsPattern("Property: structured-logging\\.destinations(\\.audit|\\[audit])\\."
					+ Pattern.quote(property) + "\n");
	}

	private static String refusal(Throwable failure) {
		assertThat(failure).as("start-up refused").isNotNull();
		return new InvalidConfigurationFailureAnalyzer().analyze(failure).getDescription();
	}

}
