package io.github.structuredlogging.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Tag("production-jit")
class CountingSamplerTests {

	private final LoggerContext context = new LoggerContext();

	@Test
	void keepsExactlyTenOfEveryHundredEventsPerKeyAcrossFourThreads() throws Exception {
		CountingSampler sampler = new CountingSampler(new SamplingRates(0.1, Map.of()));
		List<String> templates = List.of("order {} placed", "order {} shipped", "cache miss for {}");
		Map<String, AtomicInteger> kept = Map.of(templates.get(0), new AtomicInteger(), templates.get(1),
				new AtomicInteger(), templates.get(2), new AtomicInteger());
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			done.add(threads.submit(() -> {
				start.await();
				for (int i = 0; i < 25; i++) {
					for (String template : templates) {
						if (sampler.keep(event("com.acme.Orders", template))) {
							kept.get(template).incrementAndGet();
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(10, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(kept).allSatisfy((template, count) -> assertThat(count.get()).as(template).isEqualTo(10));
	}

	@Test
	void keepsTheFirstEventOfAKeyAndThenEveryTenth() {
		CountingSampler sampler = new CountingSampler(new SamplingRates(0.1, Map.of()));
		StringBuilder pattern = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			pattern.append(sampler.keep(event("a", "m")) ? 'K' : '.');
		}
		assertThat(pattern).hasToString("K.........K.........K");
	}

	@Test
	void keepsExactlyTheRateOfEventsWhateverTheRate() {
		for (double rate : new double[] { 0.3, 0.01, 0.25, 0.333 }) {
			CountingSampler sampler = new CountingSampler(new SamplingRates(rate, Map.of()));
			int kept = 0;
			for (int i = 0; i < 1000; i++) {
				kept += sampler.keep(event("a", "m")) ? 1 : 0;
			}
			assertThat(kept).as("rate %s", rate).isEqualTo((int) Math.ceil(1000 * rate - 1e-9));
		}
	}

	@Test
	void appliesTheRateOfTheClosestConfiguredLogger() {
		SamplingRates rates = new SamplingRates(0.5, Map.of("com.acme", 0.1, "com.acme.noisy", 0.01));
		assertThat(rates.rateFor("com.acme.noisy.Poller")).isEqualTo(0.01);
		assertThat(rates.rateFor("com.acme.noisy")).isEqualTo(0.01);
		assertThat(rates.rateFor("com.acme.Orders")).isEqualTo(0.1);
		assertThat(rates.rateFor("com.acmecorp.Orders")).isEqualTo(0.5);
		assertThat(rates.rateFor("org.example")).isEqualTo(0.5);
	}

	@Test
	void sharesOneCounterPerLoggerBeyondTheKeyLimit() {
		CountingSampler sampler = new CountingSampler(new SamplingRates(0.5, Map.of()), 1);
		assertThat(sampler.keep(event("a", "first"))).isTrue();
		assertThat(sampler.keep(event("a", "built " + 1))).isTrue();
		assertThat(sampler.keep(event("a", "built " + 2))).isFalse();
		assertThat(sampler.keep(event("a", "built " + 3))).isTrue();
	}

	@Test
	void rejectsARateOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SamplingRates(1.5, Map.of()))
			.withMessageContaining("global");
		assertThatIllegalArgumentException().isThrownBy(() -> new SamplingRates(1.0, Map.of("com.acme", -0.1)))
			.withMessageContaining("com.acme");
	}

	private ILoggingEvent event(String loggerName, String template) {
		Logger logger = this.context.getLogger(loggerName);
		return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, template, null, new Object[] { 1 });
	}

}
