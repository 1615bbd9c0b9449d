package io.github.structuredlogging;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards what IDE users see when they complete {@code structured-logging.*} properties.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionForIdeCompletion() throws IOException {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : properties()) {
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undescribed.add(property.get("name").asString());
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void everyPropertyLivesUnderTheStarterPrefixOrItsEndpoints() throws IOException {
		assertThat(properties()).isNotEmpty()
			.allSatisfy((property) -> assertThat(property.get("name").asString())
				.matches("(structured-logging|management\\.endpoint\\.(logpipeline|timedloggers))\\..+"));
	}

	private static List<JsonNode> properties() throws IOException {
		try (InputStream metadata = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated configuration metadata").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			JsonMapper.builder().build().readTree(metadata).get("properties").forEach(properties::add);
			return properties;
		}
	}

}
