package io.github.structuredlogging.limits;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.structuredlogging.correlation.CorrelationIdGenerator;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.correlation.RequestContextResolver;
import io.github.structuredlogging.support.LogPipelineFlush;
import io.github.structuredlogging.support.LoggingApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds generated hostile text (control characters, unpaired surrogates, JSON and log-line fragments, very long
 * strings) with generated secrets into messages, key/values, the MDC and inbound headers of a running
 * application, and reads back the log file it writes: every line parses as JSON, there is exactly one line per
 * event, and no secret appears raw. The application is started once for all tries, with its console off, so that
 * thousands of cases run in seconds.
 * <p>
 * Cases come from a seeded generator: a failure names its seed and case, and {@code -Dhostile-input.seed=...}
 * replays it.
 */
class HostileInputPropertyTests {

	private static final Logger log = LoggerFactory.getLogger(HostileInputPropertyTests.class);

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final List<String> FRAGMENTS = List.of("\n", "\r\n", "\r", "\u0000", "\u001b[31m", "\t", "\u007f",
			"\u0085", "\u2028", "\u2029", "\ud800", "\udfff", "\ud83d\ude00", "\ufeff", "\"", "\\", "\\u0000", "{",
			"}", "[", "]", "{\"level\":\"ERROR\",\"message\":\"forged\"}", "\n{\"@timestamp\":\"2026-01-01\"}\n",
			"2026-11-29 ERROR [main] forged line", "${jndi:ldap://evil/a}", "%n%s%d", "</script>", "' OR 1=1 --",
			"é", "ß", "中文", "password", "=", ":", "Bearer", "4111", " ");

	private static ConfigurableApplicationContext application;

	private static Path logFile;

	private static long readUpTo;

	private final RequestContextResolver headers = new RequestContextResolver(new CorrelationProperties(),
			CorrelationIdGenerator.randomUuid());

	private static final int TRIES = 2000;

	@BeforeAll
	static void startApplication() throws IOException {
		logFile = Files.createTempDirectory("hostile-input").resolve("app.log");
		application = LoggingApplication.start("logging.file.name=" + logFile, "logging.threshold.console=OFF",
				"logging.logback.rollingpolicy.max-file-size=1GB");
		readUpTo = Files.size(logFile);
	}

	@AfterAll
	static void stopApplication() {
		application.close();
	}

	@Test
	void everyEventIsOneValidJsonLineWithoutRawSecrets() throws IOException {
		long seed = Long.getLong("hostile-input.seed", System.nanoTime());
		SplittableRandom random = new SplittableRandom(seed);
		for (int tryNumber = 0; tryNumber < TRIES; tryNumber++) {
			String description = "seed " + seed + ", case " + tryNumber;
			List<HostileEvent> events = events(random);
			for (HostileEvent event : events) {
				event.log(this.headers);
			}
			LogPipelineFlush.awaitWritten();
			List<String> ours = new ArrayList<>();
			for (String line : newLines()) {
				JsonNode json = STRICT.readTree(line);
				assertThat(json.isObject()).as(description).isTrue();
				if (json.get("logger").asString().equals(HostileInputPropertyTests.class.getName())) {
					ours.add(line);
				}
			}
			assertThat(ours).as(description).hasSize(events.size());
			for (int i = 0; i < ours.size(); i++) {
				for (String secret : events.get(i).plantedSecrets()) {
					assertThat(ours.get(i)).as(description).doesNotContain(secret);
				}
			}
		}
	}

	private static List<HostileEvent> events(SplittableRandom random) {
		List<HostileEvent> events = new ArrayList<>();
		for (int i = random.nextInt(1, 4); i > 0; i--) {
			Map<String, String> keyValues = new HashMap<>();
			for (int j = random.nextInt(4); j > 0; j--) {
				String key = hostileText(random);
				keyValues.put((key.length() > 40) ? key.substring(0, 40) : key, hostileText(random));
			}
			events.add(new HostileEvent(hostileText(random), keyValues, hostileText(random), hostileText(random),
					secrets(random)));
		}
		return events;
	}

	private static String hostileText(SplittableRandom random) {
		String mixed = mixedText(random);
		// Repeating a generated fragment makes long values as hostile as generating every character, far faster.
		if (random.nextInt(31) == 0 && !mixed.isEmpty()) {
			return mixed.repeat(9000 / mixed.length() + 1);
		}
		return mixed;
	}

	private static String mixedText(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		for (int part = random.nextInt(9); part > 0; part--) {
			if (random.nextBoolean()) {
				text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
			}
			else {
				// Any UTF-16 unit, unpaired surrogates and control characters included.
				for (int c = random.nextInt(31); c > 0; c--) {
					text.append((char) random.nextInt(Character.MAX_VALUE + 1));
				}
			}
		}
		return text.toString();
	}

	private static Secrets secrets(SplittableRandom random) {
		String password = alphanumeric(random);
		String token = alphanumeric(random);
		StringBuilder digits = new StringBuilder().append(random.nextInt(2, 7));
		for (int i = 1; i < 15; i++) {
			digits.append(random.nextInt(10));
		}
		return new Secrets("Pw" + password, "eyJ" + token + ".eyJ" + password + "." + token,
				withLuhnDigit(digits.toString()));
	}

	private static String alphanumeric(SplittableRandom random) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder word = new StringBuilder();
		for (int i = random.nextInt(10, 25); i > 0; i--) {
			word.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return word.toString();
	}

	/**
	 * Completes 15 digits to a card number that passes the Luhn check.
	 */
	private static String withLuhnDigit(String digits) {
		for (int check = 0; check <= 9; check++) {
			String candidate = digits + check;
			int sum = 0;
			for (int i = 0; i < candidate.length(); i++) {
				int digit = candidate.charAt(candidate.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
			}
			if (sum % 10 == 0) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static List<String> newLines() throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
			byte[] bytes = new byte[(int) (file.length() - readUpTo)];
			file.seek(readUpTo);
			file.readFully(bytes);
			readUpTo += bytes.length;
			String written = new String(bytes, StandardCharsets.UTF_8);
			assertThat(written).endsWith("\n");
			return List.of(written.substring(0, written.length() - 1).split("\n", -1));
		}
	}

	record Secrets(String password, String jwt, String card) {

		List<String> all() {
			return List.of(this.password, this.jwt, this.card);
		}

	}

	/**
	 * One event of generated text, with every kind of secret planted in its message, key/values, MDC and headers.
	 */
	record HostileEvent(String message, Map<String, String> keyValues, String mdcValue, String headerValue,
			Secrets secrets) {

		void log(RequestContextResolver resolver) {
			Map<String, String> headers = new HashMap<>();
			headers.put("X-Correlation-Id", this.headerValue);
			headers.put("X-User-Id", this.headerValue + " Bearer " + this.secrets.jwt());
			headers.put("X-Client-Id", this.secrets.jwt());
			RequestContext context = resolver.resolve(headers::get);
			Map<String, String> mdc = new HashMap<>(context.fields());
			mdc.put("hostile", this.mdcValue);
			mdc.put("Authorization", "Bearer " + this.secrets.jwt());
			try (MdcScope scope = MdcScope.open(mdc)) {
				LoggingEventBuilder builder = log.atInfo();
				this.keyValues.forEach(builder::addKeyValue);
				builder.addKeyValue("password", this.secrets.password())
					.addKeyValue("note", this.mdcValue + " paid with " + this.secrets.card() + " ")
					.log(this.message + " password=" + this.secrets.password() + " token " + this.secrets.jwt() + " "
							+ this.secrets.card());
			}
		}

		List<String> plantedSecrets() {
			return this.secrets.all();
		}

	}

}
