package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.exchange.ExchangeAutoConfiguration;
import io.github.structuredlogging.exchange.InboundExchangeFilter;
import io.github.structuredlogging.format.JsonEncoderFactory;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import jakarta.servlet.Filter;
import net.logstash.logback.encoder.LogstashEncoder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zalando.logbook.Logbook;
import org.zalando.logbook.core.DefaultHttpLogWriter;
import org.zalando.logbook.core.DefaultSink;
import org.zalando.logbook.json.JsonHttpLogFormatter;
import org.zalando.logbook.servlet.LogbookFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The cost per request of logging one HTTP exchange: the starter's servlet exchange line against Zalando Logbook's
 * default JSON HTTP log ({@link JsonHttpLogFormatter} through {@link DefaultSink} and {@link DefaultHttpLogWriter}),
 * for the same request: {@code POST /orders/{id}} with a bearer token and a JSON body holding a password, answered
 * {@code 201} with a small JSON body. Each filter runs in front of the same servlet with Spring's mock request and
 * response, after the correlation filter would have run (its context in the MDC and, for the starter, in the request
 * attribute). Every variant writes through SLF4J and Logback into an appender whose stream counts the bytes; the
 * encoder is the starter's JSON encoder (default masking and limits), except in
 * {@link #logbookWithLogstashEncoder()}. {@link #noLogging()} is the servlet and the mocks alone. Each trial first
 * checks that its variant writes what it should, and at its end that every exchange was written.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExchangeLineBenchmark {

	private static final String BEARER_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0b21lci00MiJ9.q7Xc2bN9vLm4tRp8sWz1";

	private static final String PASSWORD = "correct-horse-battery";

	private static final String ORDER_ID = "7f3c2a10-9b1e-4c55-8d2e-0f6a7b1c9d42";

	private static final byte[] REQUEST_BODY = ("{\"customer\":\"c-42\",\"item\":\"book\",\"quantity\":3,\"password\":\""
			+ PASSWORD + "\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] RESPONSE_BODY = ("{\"id\":\"" + ORDER_ID + "\",\"status\":\"created\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final String CORRELATION_ID = "6b0caa66eb4ed0198b61f7a94480cfd4";

	private static final Map<String, String> REQUEST_CONTEXT = Map.of("correlation_id", CORRELATION_ID, "request_id",
			"62d2a533-0b90-47d6-b32c-0a559d3cb052");

	/** The logger Logbook's {@link DefaultHttpLogWriter} writes to, at TRACE, as Logbook's documentation asks. */
	private static final String LOGBOOK_LOGGER = "org.zalando.logbook.Logbook";

	private final OrderServlet servlet = new OrderServlet();

	private LoggerContext context;

	private CountingOutputStream written;

	private InboundExchangeFilter starter;

	private InboundExchangeFilter starterWithHeadersAndBodies;

	private LogbookFilter logbook;

	private Variant variant;

	private long exchanges;

	@Setup
	public void setUp(BenchmarkParams params) throws Exception {
		this.variant = Variant.of(params.getBenchmark());
		this.context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.context.reset();
		Encoder<ILoggingEvent> encoder = this.variant.starterEncoder
				? new JsonEncoderFactory(new LimitsProperties(), new MaskingProperties(), "order-service")
					.create(this.context)
				: new LogstashEncoder();
		encoder.setContext(this.context);
		encoder.start();
		this.written = new CountingOutputStream();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setName("COUNTING");
		appender.setEncoder(encoder);
		appender.setOutputStream(this.written);
		appender.start();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		root.setLevel(Level.INFO);
		this.context.getLogger(LOGBOOK_LOGGER).setLevel(Level.TRACE);
		REQUEST_CONTEXT.forEach(MDC::put);

		this.starter = starterFilter();
		this.starterWithHeadersAndBodies = starterFilter("structured-logging.exchange.include-headers=true",
				"structured-logging.exchange.include-bodies=true");
		this.logbook = new LogbookFilter(Logbook.builder()
			.sink(new DefaultSink(new JsonHttpLogFormatter(), new DefaultHttpLogWriter()))
			.build());

		checkOneExchange();
	}

	@TearDown
	public void tearDown() {
		long expected = this.exchanges * this.variant.linesPerExchange;
		System.out.printf("%n%s: %d exchanges, %d lines, %.0f bytes per exchange%n", this.variant, this.exchanges,
				this.written.lines(), (this.exchanges > 0) ? (double) this.written.bytes() / this.exchanges : 0.0);
		MDC.clear();
		this.context.reset();
		if (this.written.lines() != expected) {
			throw new IllegalStateException(this.variant + " wrote " + this.written.lines() + " lines for "
					+ this.exchanges + " exchanges, expected " + expected);
		}
	}

	/** The servlet and the mock request and response alone: the part of every other figure that is not logging. */
	@Benchmark
	public MockHttpServletResponse noLogging() throws Exception {
		return exchange(null);
	}

	/** The starter's exchange line as shipped: no headers, no bodies. */
	@Benchmark
	public MockHttpServletResponse starterExchangeLine() throws Exception {
		return exchange(this.starter);
	}

	/**
	 * The starter's exchange line with {@code include-headers} and {@code include-bodies} on: the content Logbook
	 * writes by default, masked.
	 */
	@Benchmark
	public MockHttpServletResponse starterExchangeLineWithHeadersAndBodies() throws Exception {
		return exchange(this.starterWithHeadersAndBodies);
	}

	/**
	 * Logbook's default JSON HTTP log, a request line and a response line with headers and bodies, in an application
	 * that uses the starter: its lines go through the starter's encoder like every other line.
	 */
	@Benchmark
	public MockHttpServletResponse logbook() throws Exception {
		return exchange(this.logbook);
	}

	/**
	 * Logbook's default JSON HTTP log without the starter: its lines go through logstash-logback-encoder's
	 * {@link LogstashEncoder} as it comes, the usual JSON encoder of a Logback application.
	 */
	@Benchmark
	public MockHttpServletResponse logbookWithLogstashEncoder() throws Exception {
		return exchange(this.logbook);
	}

	private MockHttpServletResponse exchange(Filter filter) throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders/" + ORDER_ID);
		request.addHeader("Authorization", "Bearer " + BEARER_TOKEN);
		request.addHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE);
		request.addHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
		request.addHeader("User-Agent", "order-client/2.3");
		request.setContent(REQUEST_BODY);
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.setAttribute(RequestContext.ATTRIBUTE, new RequestContext(CORRELATION_ID, REQUEST_CONTEXT));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = (filter != null) ? new MockFilterChain(this.servlet, filter)
				: new MockFilterChain(this.servlet);
		chain.doFilter(request, response);
		this.exchanges++;
		return response;
	}

	/**
	 * Runs one exchange through the variant measured and refuses to measure one that does not write what is
	 * expected of it, so that neither side is measured doing less than it does in production.
	 */
	private void checkOneExchange() throws Exception {
		this.written.capture();
		switch (this.variant) {
			case NO_LOGGING -> noLogging();
			case STARTER -> starterExchangeLine();
			case STARTER_WITH_HEADERS_AND_BODIES -> starterExchangeLineWithHeadersAndBodies();
			case LOGBOOK -> logbook();
			case LOGBOOK_LOGSTASH_ENCODER -> logbookWithLogstashEncoder();
		}
		List<String> lines = this.written.captured();
		lines.forEach((line) -> System.out.printf("%n%s wrote (%d bytes): %s", this.variant,
				line.getBytes(StandardCharsets.UTF_8).length + 1, line));
		this.variant.check(lines);
		this.exchanges = 0;
		this.written.reset();
	}

	/**
	 * The filter exactly as the starter's auto-configuration builds it from these properties.
	 * @param properties {@code structured-logging.exchange.*} settings beyond the defaults
	 */
	private static InboundExchangeFilter starterFilter(String... properties) {
		AtomicReference<InboundExchangeFilter> filter = new AtomicReference<>();
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ExchangeAutoConfiguration.class))
			.withPropertyValues(properties)
			.run((context) -> filter
				.set((InboundExchangeFilter) context.getBean(FilterRegistrationBean.class).getFilter()));
		return filter.get();
	}

	/** True when any 6 consecutive characters of the secret appear in the line. */
	private static boolean leaks(String line, String secret) {
		for (int i = 0; i + 6 <= secret.length(); i++) {
			if (line.contains(secret.substring(i, i + 6))) {
				return true;
			}
		}
		return false;
	}

	private static void require(boolean condition, String what, List<String> lines) {
		if (!condition) {
			throw new IllegalStateException("Expected " + what + " in " + lines);
		}
	}

	/** The variants measured, each with what one exchange must write. */
	enum Variant {

		NO_LOGGING(0, true),

		STARTER(1, true) {
			@Override
			void checkContent(List<String> lines) {
				checkStarterLine(lines);
				require(!lines.get(0).contains(ORDER_ID), "no raw path", lines);
			}
		},

		STARTER_WITH_HEADERS_AND_BODIES(1, true) {
			@Override
			void checkContent(List<String> lines) {
				checkStarterLine(lines);
				String line = lines.get(0);
				require(line.contains("\"http_request_body\":{\"customer\":\"c-42\""), "the request body as JSON",
						lines);
				require(line.contains("\"http_response_body\":{\"id\":\"" + ORDER_ID + "\""),
						"the response body as JSON", lines);
				require(line.contains("\"password\":\"****\""), "the password masked", lines);
				require(line.contains("\"authorization\":\"****\""), "the Authorization header masked", lines);
			}
		},

		LOGBOOK(2, true) {
			@Override
			void checkContent(List<String> lines) {
				checkLogbookLines(lines);
				// Logbook's default body filter covers form bodies and access tokens only; the starter's encoder
				// masks the password inside Logbook's message.
				require(lines.stream().noneMatch((line) -> leaks(line, PASSWORD)), "no part of the password", lines);
			}
		},

		LOGBOOK_LOGSTASH_ENCODER(2, false) {
			@Override
			void checkContent(List<String> lines) {
				checkLogbookLines(lines);
				require(lines.get(0).contains("\\\"Authorization\\\":[\\\"XXX\\\"]"),
						"Logbook's default Authorization replacement", lines);
				require(lines.get(0).contains(PASSWORD), "the password as Logbook's defaults leave it", lines);
			}
		};

		final int linesPerExchange;

		/** Whether lines go through the starter's JSON encoder, else through logstash's plain one. */
		final boolean starterEncoder;

		Variant(int linesPerExchange, boolean starterEncoder) {
			this.linesPerExchange = linesPerExchange;
			this.starterEncoder = starterEncoder;
		}

		static Variant of(String benchmark) {
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			return switch (method) {
				case "noLogging" -> NO_LOGGING;
				case "starterExchangeLine" -> STARTER;
				case "starterExchangeLineWithHeadersAndBodies" -> STARTER_WITH_HEADERS_AND_BODIES;
				case "logbook" -> LOGBOOK;
				case "logbookWithLogstashEncoder" -> LOGBOOK_LOGSTASH_ENCODER;
				default -> throw new IllegalArgumentException(benchmark);
			};
		}

		void check(List<String> lines) {
			require(lines.size() == this.linesPerExchange, this.linesPerExchange + " line(s)", lines);
			require(lines.stream().noneMatch((line) -> leaks(line, BEARER_TOKEN)), "no part of the bearer token",
					lines);
			checkContent(lines);
		}

		void checkContent(List<String> lines) {
		}

		private static void checkStarterLine(List<String> lines) {
			String line = lines.get(0);
			require(line.contains("\"http_route\":\"/orders/{id}\""), "the route template", lines);
			require(line.contains("\"http_status\":201"), "the status", lines);
			require(line.contains("\"correlation_id\":\"" + CORRELATION_ID + "\""), "the correlation id", lines);
		}

		private static void checkLogbookLines(List<String> lines) {
			require(lines.get(0).contains("\\\"type\\\":\\\"request\\\"") && lines.get(0).contains("XXX"),
					"Logbook's request line first, Authorization replaced", lines);
			require(lines.get(1).contains("\\\"type\\\":\\\"response\\\"")
					&& lines.get(1).contains("\\\"status\\\":201"), "Logbook's response line second", lines);
			require(lines.stream().allMatch((line) -> line.contains(CORRELATION_ID)),
					"the correlation id on both lines", lines);
		}

	}

	/** The application: reads the order as a {@code @RequestBody} would and answers 201 with the created order. */
	private static final class OrderServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			request.getInputStream().readAllBytes();
			// What Spring MVC's handler mapping records for the matched handler.
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/orders/{id}");
			response.setStatus(HttpServletResponse.SC_CREATED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Location", "/orders/" + ORDER_ID);
			response.setContentLength(RESPONSE_BODY.length);
			response.getOutputStream().write(RESPONSE_BODY);
		}

	}

}
