package io.github.structuredlogging.limits;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.github.structuredlogging.correlation.CorrelationIdGenerator;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.correlation.RequestContextResolver;
import io.github.structuredlogging.support.Leaks;
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
 * Cases come from a generator with a fixed seed: a failure (an invalid line included) names its seed and case, and
 * {@code -Dhostile-input.seed=...} runs or replays another. A second test generates values at every limit
 * (limit - 2 to limit + 2) and places secrets at every offset around the cut point.
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

	private static final long SEED = Long.getLong("hostile-input.seed", 20261129L);

	private static final String CASE = "hostile_case";

	private static final int MAX_MESSAGE = 300;

	private static final int MAX_VALUE = 200;

	private static final int MAX_MDC_VALUE = 120;

	private static final int MAX_EXCEPTION_MESSAGE = 150;

	private static final int MAX_KEY_VALUES = 10;

	private static final int MAX_COLLECTION = 10;

	@BeforeAll
	static void startApplication() throws IOException {
		logFile = Files.createTempDirectory("hostile-input").resolve("app.log");
		application = LoggingApplication.start("logging.file.name=" + logFile, "logging.threshold.console=OFF",
				"logging.logback.rollingpolicy.max-file-size=1GB",
				"structured-logging.limits.max-message-length=" + MAX_MESSAGE,
				"structured-logging.limits.max-value-length=" + MAX_VALUE,
				"structured-logging.limits.max-mdc-value-length=" + MAX_MDC_VALUE,
				"structured-logging.limits.max-exception-message-length=" + MAX_EXCEPTION_MESSAGE,
				"structured-logging.limits.max-key-value-count=" + MAX_KEY_VALUES,
				"structured-logging.limits.max-collection-size=" + MAX_COLLECTION);
		readUpTo = Files.size(logFile);
	}

	@AfterAll
	static void stopApplication() {
		application.close();
	}

	@Test
	void everyEventIsOneValidJsonLineWithoutRawSecrets() throws IOException {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tryNumber = 0; tryNumber < TRIES; tryNumber++) {
			String description = "seed " + SEED + ", case " + tryNumber;
			List<HostileEvent> events = events(random);
			for (HostileEvent event : events) {
				event.log(this.headers);
			}
			LogPipelineFlush.awaitWritten();
			List<String> ours = new ArrayList<>();
			for (String line : newLines()) {
				JsonNode json = parse(line, description);
				assertThat(json.isObject()).as(description).isTrue();
				if (json.get("logger").asString().equals(HostileInputPropertyTests.class.getName())) {
					ours.add(line);
				}
			}
			assertThat(ours).as(description).hasSize(events.size());
			for (int i = 0; i < ours.size(); i++) {
				for (String secret : events.get(i).plantedSecrets()) {
					assertThat(Leaks.leakedRun(STRICT.readTree(ours.get(i)), secret)).as(description).isNull();
				}
			}
		}
	}

	@Test
	void cutsEveryValueAtItsLimitAndLeaksNoSecretAroundTheCut() throws IOException {
		SplittableRandom random = new SplittableRandom(SEED);
		Map<String, Consumer<JsonNode>> checks = new LinkedHashMap<>();
		for (LimitedField field : LimitedField.values()) {
			int limit = field.limit();
			for (int length = limit - 2; length <= limit + 2; length++) {
				String value = alphanumeric(random, length);
				int written = length;
				checks.put(logged(checks, (id) -> field.log(value)),
						(event) -> assertThat(field.read(event)).isEqualTo((written <= limit) ? value
								: value.substring(0, limit) + "...[truncated, " + written + " chars]"));
			}
			Secrets secrets = secrets(random);
			for (String secret : secrets.all()) {
				String phrase = (secret.equals(secrets.password())) ? "password=" + secret : secret;
				int secretStart = phrase.indexOf(secret);
				for (int intoSecret = -2; intoSecret <= secret.length() + 2; intoSecret++) {
					String value = filler(limit - intoSecret - secretStart) + phrase + " " + filler(20);
					checks.put(logged(checks, (id) -> field.log(value)),
							(event) -> assertThat(Leaks.leakedRun(event, secret)).as(value).isNull());
				}
			}
		}
		for (int count = MAX_KEY_VALUES - 2; count <= MAX_KEY_VALUES + 2; count++) {
			int pairs = count;
			checks.put(logged(checks, (id) -> {
				LoggingEventBuilder builder = log.atInfo();
				for (int i = 0; i < pairs; i++) {
					builder.addKeyValue("k" + i, i);
				}
				builder.log("key/values");
			}), (event) -> {
				assertThat(event.has("k" + (Math.min(pairs, MAX_KEY_VALUES) - 1))).isTrue();
				assertThat(event.has("k" + Math.min(pairs, MAX_KEY_VALUES))).isFalse();
				assertThat(event.path("truncated_key_values").asInt(0)).isEqualTo(Math.max(0, pairs - MAX_KEY_VALUES));
			});
			int size = count - MAX_KEY_VALUES + MAX_COLLECTION;
			checks.put(logged(checks, (id) -> log.atInfo()
				.addKeyValue("items", java.util.stream.IntStream.range(0, size).boxed().toList())
				.log("collection")), (event) -> {
					JsonNode items = event.get("items");
					assertThat(items.size()).isEqualTo(Math.min(size, MAX_COLLECTION + 1));
					if (size > MAX_COLLECTION) {
						assertThat(items.get(MAX_COLLECTION).asString())
							.isEqualTo("[" + (size - MAX_COLLECTION) + " more elements]");
					}
				});
		}
		LogPipelineFlush.awaitWritten();
		Map<String, JsonNode> events = new HashMap<>();
		for (String line : newLines()) {
			JsonNode event = parse(line, "seed " + SEED);
			if (event.has(CASE)) {
				events.put(event.get(CASE).asString(), event);
			}
		}
		checks.forEach((id, check) -> {
			JsonNode event = events.get(id);
			try {
				assertThat(event).as("event written").isNotNull();
				check.accept(event);
			}
			catch (AssertionError ex) {
				throw new AssertionError("seed " + SEED + ", case " + id + ": " + ex.getMessage() + " in " + event, ex);
			}
		});
	}

	/**
	 * Logs one case under an id of its own in the MDC, so its line is found by that id.
	 */
	private static String logged(Map<String, ?> cases, Consumer<String> logging) {
		String id = "limit-" + cases.size();
		try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
			logging.accept(id);
		}
		if (cases.size() % 200 == 0) {
			// The pipeline drops INFO events when its queue is full; a full queue is not what is tested here.
			LogPipelineFlush.awaitWritten();
		}
		return id;
	}

	private static String filler(int length) {
		if (length <= 0) {
			return "";
		}
		return ("lorem ipsum dolor sit amet ".repeat(length / 27 + 1)).substring(0, length - 1) + " ";
	}

	private static JsonNode parse(String line, String description) {
		try {
			return STRICT.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new AssertionError(description + ": invalid JSON line: " + line, ex);
		}
	}

	/** The fields with a length limit, each logged and read back its own way. */
	enum LimitedField {

		MESSAGE(MAX_MESSAGE) {
			@Override
			void log(String value) {
				HostileInputPropertyTests.log.info(value);
			}

			@Override
			String read(JsonNode event) {
				return event.path("message").asString();
			}
		},

		KEY_VALUE(MAX_VALUE) {
			@Override
			void log(String value) {
				HostileInputPropertyTests.log.atInfo().addKeyValue("note", value).log("key/value");
			}

			@Override
			String read(JsonNode event) {
				return event.path("note").asString();
			}
		},

		MDC_VALUE(MAX_MDC_VALUE) {
			@Override
			void log(String value) {
				try (MdcScope scope = MdcScope.open(Map.of("detail", value))) {
					HostileInputPropertyTests.log.info("mdc");
				}
			}

			@Override
			String read(JsonNode event) {
				return event.path("detail").asString();
			}
		},

		EXCEPTION_MESSAGE(MAX_EXCEPTION_MESSAGE) {
			@Override
			void log(String value) {
				HostileInputPropertyTests.log.warn("failed", new IllegalStateException(value));
			}

			@Override
			String read(JsonNode event) {
				return event.path("exception_message").asString();
			}
		};

		private final int limit;

		LimitedField(int limit) {
			this.limit = limit;
		}

		int limit() {
			return this.limit;
		}

		abstract void log(String value);

		abstract String read(JsonNode event);

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
		return alphanumeric(random, random.nextInt(10, 25));
	}

	private static String alphanumeric(SplittableRandom random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder word = new StringBuilder();
		for (int i = length; i > 0; i--) {
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
