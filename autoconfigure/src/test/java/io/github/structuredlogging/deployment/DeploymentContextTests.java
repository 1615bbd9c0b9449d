package io.github.structuredlogging.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.LogPipelineFlush;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment context of a real application on the lines its asynchronous pipeline writes to a file: the values
 * worked out once per process on every line written after start-up, and nothing of it when not asked for.
 */
class DeploymentContextTests {

	private static final String MARKER = "deployment line";

	@TempDir
	Path directory;

	@Test
	void everyLineCarriesTheHostInstanceProfilesAndGitCommit() throws Exception {
		Path git = this.directory.resolve("git.properties");
		Files.writeString(git, "git.commit.id=0a1b2c3d4e5f60718293a4b5c6d7e8f901234567\ngit.branch=main\n");
		JsonNode line = loggedLine("structured-logging.deployment.enabled=true",
				"structured-logging.deployment.instance-id=orders-7", "spring.profiles.active=blue,canary",
				"spring.info.git.location=file:" + git);
		assertThat(line.get("host").asString()).isNotBlank();
		assertThat(line.get("instance_id").asString()).isEqualTo("orders-7");
		assertThat(line.get("profiles").asString()).isEqualTo("blue,canary");
		assertThat(line.get("git_commit").asString()).isEqualTo("0a1b2c3");
	}

	@Test
	void withoutAnInstanceIdTheHostAndProcessTellInstancesApartAndMissingFactsAreLeftOut() throws Exception {
		JsonNode line = loggedLine("structured-logging.deployment.enabled=true");
		assertThat(line.get("instance_id").asString())
			.isEqualTo(line.get("host").asString() + ":" + ProcessHandle.current().pid());
		assertThat(line.has("profiles")).isFalse();
		assertThat(line.has("git_commit")).isFalse();
	}

	@Test
	void nothingIsWrittenUnlessAskedFor() throws Exception {
		JsonNode line = loggedLine("spring.profiles.active=blue");
		assertThat(line.get("message").asString()).isEqualTo(MARKER);
		assertThat(line.has("host")).isFalse();
		assertThat(line.has("instance_id")).isFalse();
		assertThat(line.has("profiles")).isFalse();
	}

	private JsonNode loggedLine(String... properties) throws Exception {
		Path file = this.directory.resolve("app.log");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DeployedApplication.class)
			.properties("spring.main.web-application-type=none", "logging.file.name=" + file)
			.properties(properties)
			.run()) {
			LoggerFactory.getLogger("com.acme.deployed").info(MARKER);
			LogPipelineFlush.awaitWritten();
		}
		return JsonLogLines.parse(Files.readString(file)).withMessage(MARKER).get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DeployedApplication {

	}

}
