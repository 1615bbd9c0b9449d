import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Checks what {@code mvn -Prelease -DskipTests package} built for each published module, as Maven Central would:
 * the main, sources and Javadoc jars with real content, and a pom that carries every metadata entry Central requires
 * without help from a parent. Run with {@code java .ci/ReleaseCheck.java} from the project root; prints each problem
 * and exits 1 if there is any.
 */
public class ReleaseCheck {

	private static final List<String> PUBLISHED_MODULES = List.of("autoconfigure", "starter");

	private static final List<String> REQUIRED_POM_ENTRIES = List.of("groupId", "artifactId", "version", "name",
			"description", "url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
			"scm/url", "scm/connection", "scm/developerConnection");

	private final List<String> problems = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		ReleaseCheck check = new ReleaseCheck();
		for (String module : PUBLISHED_MODULES) {
			check.module(Path.of(module));
		}
		check.problems.forEach((problem) -> System.err.println("RELEASE CHECK: " + problem));
		if (!check.problems.isEmpty()) {
			System.exit(1);
		}
		System.out.println("Release check passed for " + PUBLISHED_MODULES);
	}

	private void module(Path module) throws Exception {
		Path pom = module.resolve("target/published-pom.xml");
		if (!Files.isRegularFile(pom)) {
			this.problems.add(pom + " missing: run mvn -Prelease -DskipTests package first");
			return;
		}
		Document published = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
		XPath xpath = XPathFactory.newInstance().newXPath();
		for (String entry : REQUIRED_POM_ENTRIES) {
			String value = xpath.evaluate("/project/" + entry, published).strip();
			if (value.isEmpty()) {
				this.problems.add(pom + " has no <" + entry + ">");
			}
		}
		if (!xpath.evaluate("/project/licenses/license/name", published).contains("Apache License, Version 2.0")) {
			this.problems.add(pom + " does not name the Apache License, Version 2.0");
		}
		if (((NodeList) xpath.evaluate("/project/parent", published, XPathConstants.NODESET)).getLength() != 0) {
			this.problems.add(pom + " still needs its parent to be read");
		}
		if (((NodeList) xpath.evaluate("/project/dependencies/dependency[scope='test']", published,
				XPathConstants.NODESET)).getLength() != 0) {
			this.problems.add(pom + " publishes test dependencies");
		}
		String base = xpath.evaluate("/project/artifactId", published) + "-" + xpath.evaluate("/project/version", published);
		Path target = module.resolve("target");
		boolean hasCode = Files.isDirectory(module.resolve("src/main/java"));
		jar(target.resolve(base + ".jar"), hasCode ? ".class" : "META-INF/MANIFEST.MF");
		jar(target.resolve(base + "-sources.jar"), hasCode ? ".java" : "README.md");
		jar(target.resolve(base + "-javadoc.jar"), hasCode ? "index.html" : "README.md");
	}

	/** The jar exists and holds at least one entry whose name ends with {@code expectedEntry}. */
	private void jar(Path jar, String expectedEntry) throws IOException {
		if (!Files.isRegularFile(jar)) {
			this.problems.add(jar + " missing");
			return;
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			boolean found = Collections.list(file.entries())
				.stream()
				.anyMatch((entry) -> entry.getName().endsWith(expectedEntry));
			if (!found) {
				this.problems.add(jar + " holds no " + expectedEntry);
			}
		}
	}

}
