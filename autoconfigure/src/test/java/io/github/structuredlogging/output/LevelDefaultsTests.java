package io.github.structuredlogging.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.output.app.DemoApplication;
import io.github.structuredlogging.support.JsonLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The levels and console format the starter's defaults give, and that they never override a level the
 * application chose, in {@code logging.level.*} or in its own Logback file.
 */
@ExtendWith(OutputCaptureExtension.class)
class LevelDefaultsTests {

	private static final String APP_PACKAGE = DemoApplication.class.getPackageName();

	private static final String DEVTOOLS_CLASS = "org.springframework.boot.devtools.restart.Restarter";

	@Test
	void withoutAProfileNoLevelChangesAndTheConsoleStaysJson(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(new SpringApplicationBuilder(DemoApplication.class))) {
			assertThat(level(APP_PACKAGE)).isNull();
			assertThat(effectiveLevel(APP_PACKAGE)).isEqualTo(Level.INFO);
			LoggerFactory.getLogger(APP_PACKAGE + ".Service").debug("hidden debug");
			LoggerFactory.getLogger(APP_PACKAGE + ".Service").info("visible info");
		}
		JsonLogLines lines = JsonLogLines.of(output);
		assertThat(lines.withMessage("visible info")).hasSize(1);
		assertThat(lines.withMessage("hidden debug")).isEmpty();
		assertThat(startupLine(lines)).contains("defaults=none").doesNotContain("debug-level");
	}

	@Test
	void theDevProfileGivesTheApplicationsPackageDebugAndReadableText(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(
				new SpringApplicationBuilder(DemoApplication.class).profiles("dev"))) {
			assertThat(level(APP_PACKAGE)).isEqualTo(Level.DEBUG);
			assertThat(level("org.springframework")).isNull();
			LoggerFactory.getLogger(APP_PACKAGE + ".Service").debug("developer debug");
		}
		assertThat(JsonLogLines.written(output)).containsPattern("DEBUG .* : developer debug")
			.contains("debug-level=" + APP_PACKAGE)
			.contains("console-format=plain [default for profile dev]");
	}

	@Test
	void theDevelopmentProfilesAreConfigurable() {
		try (ConfigurableApplicationContext context = run(new SpringApplicationBuilder(DemoApplication.class)
			.profiles("sandbox")
			.properties("structured-logging.output.development-profiles=sandbox"))) {
			assertThat(level(APP_PACKAGE)).isEqualTo(Level.DEBUG);
		}
		try (ConfigurableApplicationContext context = run(
				new SpringApplicationBuilder(DemoApplication.class).profiles("local"))) {
			assertThat(level(APP_PACKAGE)).isEqualTo(Level.DEBUG);
		}
		try (ConfigurableApplicationContext context = run(
				new SpringApplicationBuilder(DemoApplication.class).profiles("staging"))) {
			assertThat(level(APP_PACKAGE)).isNull();
		}
	}

	@Test
	void devToolsOnTheClassPathGivesTheDevelopmentDefaults() {
		DefaultResourceLoader withDevTools = new DefaultResourceLoader(new DevToolsClassLoader());
		try (ConfigurableApplicationContext context = run(
				new SpringApplicationBuilder(DemoApplication.class).resourceLoader(withDevTools))) {
			assertThat(level(APP_PACKAGE)).isEqualTo(Level.DEBUG);
		}
	}

	@Test
	void aRootLevelOfTheApplicationHoldsInDevelopment() {
		try (ConfigurableApplicationContext context = run(new SpringApplicationBuilder(DemoApplication.class)
			.profiles("dev")
			.properties("logging.level.root=INFO"))) {
			assertThat(level(APP_PACKAGE)).isNull();
			assertThat(effectiveLevel(APP_PACKAGE)).isEqualTo(Level.INFO);
		}
	}

	@Test
	void aPackageLevelOfTheApplicationHoldsInDevelopment() {
		String parent = APP_PACKAGE.substring(0, APP_PACKAGE.lastIndexOf('.'));
		try (ConfigurableApplicationContext context = run(new SpringApplicationBuilder(DemoApplication.class)
			.profiles("dev")
			.properties("logging.level." + parent + "=WARN"))) {
			assertThat(effectiveLevel(APP_PACKAGE)).isEqualTo(Level.WARN);
		}
	}

	@Test
	void theApplicationsOwnLogbackFileHoldsInEveryCase() {
		for (String profile : new String[] { "default", "dev", "prod" }) {
			try (ConfigurableApplicationContext context = run(new SpringApplicationBuilder(DemoApplication.class)
				.profiles(profile)
				.resourceLoader(new DefaultResourceLoader(new DevToolsClassLoader()))
				.properties("logging.config=classpath:user-logback.xml"))) {
				assertThat(effectiveLevel(APP_PACKAGE)).as(profile).isEqualTo(Level.INFO);
				assertThat(level(APP_PACKAGE)).as(profile).isNull();
			}
		}
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder builder) {
		return builder.main(DemoApplication.class)
			.web(WebApplicationType.NONE)
			.properties("structured-logging.async.enabled=false")
			.run();
	}

	private static Level level(String name) {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name).getLevel();
	}

	private static Level effectiveLevel(String name) {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name).getEffectiveLevel();
	}

	private static String startupLine(JsonLogLines lines) {
		return lines.where((line) -> line.get("message").asString().startsWith("Structured logging: "))
			.get(0)
			.get("message")
			.asString();
	}

	/**
	 * A class loader on which Spring Boot DevTools appears present: it defines an empty class under the name the
	 * starter looks for.
	 */
	static final class DevToolsClassLoader extends ClassLoader {

		DevToolsClassLoader() {
			super(LevelDefaultsTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!DEVTOOLS_CLASS.equals(name)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					ClassWriter writer = new ClassWriter(0);
					writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object",
							null);
					writer.visitEnd();
					byte[] bytes = writer.toByteArray();
					loaded = defineClass(name, bytes, 0, bytes.length);
				}
				return loaded;
			}
		}

	}

}
