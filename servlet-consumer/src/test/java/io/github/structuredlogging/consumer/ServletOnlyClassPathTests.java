package io.github.structuredlogging.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet application that adds only the starter and Spring MVC: what Maven resolves for its runtime class path is
 * what such a user gets. None of the integrations the starter supports optionally may ride along: no WebFlux, Reactor
 * or Netty, no Kafka, no tracing or OpenTelemetry.
 * <p>
 * The list is written by {@code dependency:list} while the module builds ({@code target/runtime-dependencies.txt}).
 */
class ServletOnlyClassPathTests {

	private static final Path RUNTIME_DEPENDENCIES = Path.of("target/runtime-dependencies.txt");

	/** {@code group:artifact:type[:classifier]:version:scope}, as {@code dependency:list} writes each entry. */
	private static final Pattern COORDINATES = Pattern.compile("^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+:.*:(compile|runtime)\\b.*");

	private static final List<Predicate<String>> FORBIDDEN = List.of(group("io.projectreactor"),
			group("io.projectreactor.netty"), group("io.netty"), artifact("org.springframework:spring-webflux"),
			artifact("org.springframework.boot:spring-boot-webflux"),
			artifact("org.springframework.boot:spring-boot-reactor"), group("org.apache.kafka"),
			group("org.springframework.kafka"), artifact("org.springframework.boot:spring-boot-kafka"),
			group("io.opentelemetry"), group("io.opentelemetry.instrumentation"), group("io.zipkin.reporter2"),
			group("io.zipkin.brave"), artifactPrefix("io.micrometer:micrometer-tracing"),
			artifactPrefix("org.springframework.boot:spring-boot-micrometer-tracing"),
			artifactPrefix("org.springframework.boot:spring-boot-opentelemetry"));

	@Test
	void aServletApplicationGetsNoWebFluxKafkaOrTracingJars() throws IOException {
		List<String> runtime = runtimeDependencies();
		assertThat(runtime).as("positive control: the list is the servlet application's real class path")
			.contains("io.github.structuredlogging:structured-logging-spring-boot-starter",
					"io.github.structuredlogging:structured-logging-spring-boot-autoconfigure",
					"org.springframework:spring-webmvc", "org.apache.tomcat.embed:tomcat-embed-core",
					"net.logstash.logback:logstash-logback-encoder", "com.lmax:disruptor");
		assertThat(runtime).filteredOn(this::forbidden).isEmpty();
	}

	@Test
	void theCheckRecognisesEachKindOfForbiddenJarInTheListFormat() {
		List<String> lines = List.of("   org.springframework:spring-webflux:jar:7.0.10:compile -- module spring.webflux",
				"   io.projectreactor:reactor-core:jar:3.8.8:compile -- module reactor.core [auto]",
				"   io.netty:netty-codec-native-quic:jar:linux-x86_64:4.2.18.Final:runtime -- module io.netty.codec",
				"   org.apache.kafka:kafka-clients:jar:4.3.1:compile -- module kafka.clients",
				"   org.springframework.kafka:spring-kafka:jar:4.1.1:compile -- module spring.kafka",
				"   io.micrometer:micrometer-tracing-bridge-otel:jar:1.7.2:compile -- module micrometer.tracing",
				"   io.opentelemetry:opentelemetry-api:jar:1.55.0:compile -- module io.opentelemetry.api",
				"   org.springframework.boot:spring-boot-micrometer-tracing-brave:jar:4.1.2:compile -- module x",
				"   org.springframework.boot:spring-boot-opentelemetry:jar:4.1.2:runtime -- module x");
		assertThat(lines.stream().map(ServletOnlyClassPathTests::coordinates)).allMatch(this::forbidden);
		assertThat(coordinates("   org.springframework:spring-webmvc:jar:7.0.10:compile -- module spring.webmvc"))
			.matches((entry) -> !forbidden(entry));
	}

	private boolean forbidden(String groupAndArtifact) {
		return FORBIDDEN.stream().anyMatch((rule) -> rule.test(groupAndArtifact));
	}

	private static List<String> runtimeDependencies() throws IOException {
		assertThat(RUNTIME_DEPENDENCIES).as("written by dependency:list in generate-test-resources").exists();
		return Files.readAllLines(RUNTIME_DEPENDENCIES)
			.stream()
			.filter((line) -> COORDINATES.matcher(line).matches())
			.map(ServletOnlyClassPathTests::coordinates)
			.toList();
	}

	private static String coordinates(String line) {
		Matcher matcher = COORDINATES.matcher(line);
		assertThat(matcher.matches()).as(line).isTrue();
		return matcher.group(1) + ":" + matcher.group(2);
	}

	private static Predicate<String> group(String groupId) {
		return (entry) -> entry.startsWith(groupId + ":");
	}

	private static Predicate<String> artifact(String groupAndArtifact) {
		return groupAndArtifact::equals;
	}

	private static Predicate<String> artifactPrefix(String prefix) {
		return (entry) -> entry.startsWith(prefix);
	}

}
