package io.github.structuredlogging.masking;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.structuredlogging.correlation.CorrelationIdGenerator;
import io.github.structuredlogging.correlation.CorrelationProperties;
import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.correlation.RequestContextResolver;
import io.github.structuredlogging.masking.SecretCorpus.Secret;
import io.github.structuredlogging.support.JsonLogLines;
import io.github.structuredlogging.support.Leaks;
import io.github.structuredlogging.support.LogPipelineFlush;
import io.github.structuredlogging.support.LoggingApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs a generated corpus of secrets of every class the masking must catch, at every place an event can carry
 * text, plain, JSON-escaped and URL-encoded, into a running application, and reads the file it writes: no run of
 * {@value Leaks#MIN_RUN} characters of any secret may appear. Beside it, a corpus of realistic values that are no
 * secret must be written exactly as logged. Each event names its case in the MDC, so a line is found by its case,
 * never by the field under test. {@code -Dsecret-corpus.seed=...} replays another corpus.
 */
class SecretCorpusTests {

	private static final Logger log = LoggerFactory.getLogger(SecretCorpusTests.class);

	private static final long SEED = Long.getLong("secret-corpus.seed", 20261129L);

	private static final String CASE = "corpus_case";

	private static final int MAX_MESSAGE = 400;

	private static final int MAX_VALUE = 300;

	private static final int MAX_MDC_VALUE = 200;

	private static final int MAX_EXCEPTION_MESSAGE = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext application;

	private static Path logFile;

	@BeforeAll
	static void startApplication() throws IOException {
		logFile = Files.createTempDirectory("secret-corpus").resolve("app.log");
		application = LoggingApplication.start("logging.file.name=" + logFile, "logging.threshold.console=OFF",
				"logging.logback.rollingpolicy.max-file-size=1GB",
				"structured-logging.limits.max-message-length=" + MAX_MESSAGE,
				"structured-logging.limits.max-value-length=" + MAX_VALUE,
				"structured-logging.limits.max-mdc-value-length=" + MAX_MDC_VALUE,
				"structured-logging.limits.max-exception-message-length=" + MAX_EXCEPTION_MESSAGE);
	}

	@AfterAll
	static void stopApplication() {
		application.close();
	}

	@Test
	void leaksNoRunOfAnySecretAndMasksNoneOfTheValuesThatAreNoSecret() throws IOException {
		SecretCorpus corpus = new SecretCorpus(SEED);
		Map<String, Case> cases = new LinkedHashMap<>();
		List<Secret> secrets = new ArrayList<>();
		secrets.addAll(corpus.cardNumbers());
		secrets.addAll(corpus.keyedSecrets());
		secrets.addAll(corpus.credentialsWithoutKeyWord());
		secrets.addAll(corpus.betweenLineSeparators());
		for (Secret secret : secrets) {
			for (Escaping escaping : Escaping.values()) {
				for (Placement placement : Placement.values()) {
					String id = caseId(cases.size());
					cases.put(id, new Case(secret.kind() + " " + placement + " " + escaping + ": " + secret.phrase(),
							secret.secret()));
					placement.log(id, escaping.apply(secret.phrase()));
				}
				// The pipeline drops INFO events when its queue is full; a full queue is not what is tested here.
				LogPipelineFlush.awaitWritten();
			}
		}
		logSecretsCutByLimits(secrets, cases);
		logSessionIds(corpus.sessionIds(), cases);
		List<String> nonSecrets = corpus.nonSecrets();
		Map<String, String> nonSecretCases = new LinkedHashMap<>();
		for (String value : nonSecrets) {
			String id = caseId(cases.size() + nonSecretCases.size());
			nonSecretCases.put(id, value);
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
				log.atInfo().addKeyValue("note", value).log("value {}", value);
			}
			LogPipelineFlush.awaitWritten();
		}
		LogPipelineFlush.awaitWritten();
		String written = Files.readString(logFile);
		Map<String, JsonNode> events = eventsByCase(written);

		assertThat(cases).as("secret variants").hasSizeGreaterThanOrEqualTo(300);
		assertThat(nonSecrets).as("values that are no secret").hasSizeGreaterThanOrEqualTo(200);
		List<String> leaks = new ArrayList<>();
		cases.forEach((id, secretCase) -> {
			JsonNode event = events.get(id);
			String leaked = (event != null) ? Leaks.leakedRun(event, secretCase.secret()) : "[no event written]";
			if (leaked != null) {
				leaks.add("seed " + SEED + " case " + id + " (" + secretCase.description().replace("\n", "\\n")
						+ ") leaked '" + leaked + "' in " + event);
			}
		});
		List<String> masked = new ArrayList<>();
		nonSecretCases.forEach((id, value) -> {
			JsonNode event = events.get(id);
			if (event == null || !event.path("message").asString().equals("value " + value)
					|| !event.path("note").asString().equals(value)) {
				masked.add("seed " + SEED + " case " + id + " changed '" + value + "' into " + event);
			}
		});
		assertThat(leaks).as("leaked secrets").isEmpty();
		assertThat(masked).as("values that are no secret, masked").isEmpty();
		assertThat(written).as("raw line separators, NEL, C1 controls or DEL")
			.doesNotContainPattern("[\\u007F-\\u009F\\u2028\\u2029]");
	}

	/**
	 * Class 4: each secret placed so that the limit of the field cuts it after enough characters to leak: six, half
	 * of it, or all but the last.
	 */
	private static void logSecretsCutByLimits(List<Secret> secrets, Map<String, Case> cases) {
		for (int i = 0; i < secrets.size(); i += 2) {
			Secret secret = secrets.get(i);
			int length = secret.secret().length();
			int cut = switch (i % 3) {
				case 0 -> Leaks.MIN_RUN;
				case 1 -> Math.max(Leaks.MIN_RUN, length / 2);
				default -> length - 1;
			};
			String id = caseId(cases.size());
			cases.put(id, new Case("cut message: " + secret.phrase(), secret.secret()));
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
				log.info(paddedToCut(secret, MAX_MESSAGE, cut));
			}
			id = caseId(cases.size());
			cases.put(id, new Case("cut key/value: " + secret.phrase(), secret.secret()));
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
				log.atInfo().addKeyValue("note", paddedToCut(secret, MAX_VALUE, cut)).log("cut key/value");
			}
			id = caseId(cases.size());
			cases.put(id, new Case("cut MDC: " + secret.phrase(), secret.secret()));
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id, "detail", paddedToCut(secret, MAX_MDC_VALUE, cut)))) {
				log.info("cut MDC");
			}
			id = caseId(cases.size());
			cases.put(id, new Case("cut exception message: " + secret.phrase(), secret.secret()));
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
				log.warn("cut exception", new IllegalStateException(paddedToCut(secret, MAX_EXCEPTION_MESSAGE, cut)));
			}
			LogPipelineFlush.awaitWritten();
		}
	}

	private static String paddedToCut(Secret secret, int limit, int cutAfter) {
		int secretStart = secret.phrase().indexOf(secret.secret());
		int padding = Math.max(1, limit - secretStart - cutAfter);
		String filler = "lorem ipsum dolor sit amet ".repeat(padding / 27 + 1).substring(0, padding - 1) + " ";
		return filler + secret.phrase();
	}

	/** Class 6: a session id arrives in its header and reaches every line of the request through the MDC. */
	private static void logSessionIds(List<String> sessionIds, Map<String, Case> cases) {
		RequestContextResolver resolver = new RequestContextResolver(new CorrelationProperties(),
				CorrelationIdGenerator.randomUuid());
		for (String sessionId : sessionIds) {
			String id = caseId(cases.size());
			cases.put(id, new Case("session id header", sessionId));
			Map<String, String> mdc = new LinkedHashMap<>(
					resolver.resolve(Map.of("X-Session-Id", sessionId, "X-User-Id", "user-42")::get).fields());
			mdc.put(CASE, id);
			try (MdcScope scope = MdcScope.open(mdc)) {
				log.info("request handled");
			}
			LogPipelineFlush.awaitWritten();
		}
	}

	private static Map<String, JsonNode> eventsByCase(String written) {
		Map<String, JsonNode> events = new LinkedHashMap<>();
		for (JsonNode event : JsonLogLines.parse(written).all()) {
			if (event.has(CASE)) {
				assertThat(events.put(event.get(CASE).asString(), event)).as("one event per case").isNull();
			}
		}
		return events;
	}

	/** Letters only, so that a case id never shares a run of digits with a card number. */
	private static String caseId(int number) {
		StringBuilder id = new StringBuilder("case-");
		String digits = Integer.toString(number, 26);
		for (char c : digits.toCharArray()) {
			id.append((char) ('a' + Character.digit(c, 26)));
		}
		return id.toString();
	}

	record Case(String description, String secret) {

	}

	/** How a phrase reaches the log: as typed, inside a JSON string, or in a URL or form body. */
	enum Escaping implements UnaryOperator<String> {

		PLAIN {
			@Override
			public String apply(String text) {
				return text;
			}
		},

		JSON_ESCAPED {
			@Override
			public String apply(String text) {
				return Leaks.jsonEscaped(text);
			}
		},

		URL_ENCODED {
			@Override
			public String apply(String text) {
				return URLEncoder.encode(text, StandardCharsets.UTF_8);
			}
		}

	}

	/** Every place an event carries text. */
	enum Placement {

		MESSAGE_START {
			@Override
			void write(String text) {
				log.info("{} was received", text);
			}
		},

		MESSAGE_MIDDLE {
			@Override
			void write(String text) {
				log.info("request with {} was received", text);
			}
		},

		MESSAGE_END {
			@Override
			void write(String text) {
				log.info("received: {}", text);
			}
		},

		KEY_VALUE {
			@Override
			void write(String text) {
				log.atInfo().addKeyValue("note", text).log("key/value");
			}
		},

		MDC {
			@Override
			void write(String text) {
				try (MdcScope scope = MdcScope.open(Map.of("detail", text))) {
					log.info("in context");
				}
			}
		},

		NESTED_OBJECT {
			@Override
			void write(String text) {
				log.atInfo()
					.addKeyValue("request", Map.of("items", List.of(Map.of("comment", text))))
					.log("nested object");
			}
		},

		RECORD {
			@Override
			void write(String text) {
				log.atInfo().addKeyValue("payload", new Payload("order-7", new Payload.Note(text))).log("record");
			}
		},

		EXCEPTION_MESSAGE {
			@Override
			void write(String text) {
				log.warn("rejected", new IllegalArgumentException("bad input " + text));
			}
		},

		STACK_TRACE {
			@Override
			void write(String text) {
				log.error("failed", new IllegalStateException("outer", new IllegalArgumentException(text)));
			}
		},

		FRAMEWORK_ERROR {
			@Override
			void write(String text) {
				try {
					if (text.length() % 2 == 0) {
						DefaultConversionService.getSharedInstance().convert(text, Integer.class);
					}
					else {
						JSON.readTree("{\"amount\": " + text + ",,}");
					}
				}
				catch (RuntimeException ex) {
					log.atWarn().setCause(ex).addKeyValue("reason", ex.getMessage()).log("framework error");
				}
			}
		};

		void log(String id, String text) {
			try (MdcScope scope = MdcScope.open(Map.of(CASE, id))) {
				write(text);
			}
		}

		abstract void write(String text);

	}

	record Payload(String orderId, Note note) {

		record Note(String text) {

		}

	}

}
