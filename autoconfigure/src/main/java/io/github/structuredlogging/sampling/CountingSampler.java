package io.github.structuredlogging.sampling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Deterministic sampling: every key (logger plus message template) has its own counter, and at rate {@code r} the
 * sampler keeps exactly {@code ceil(n * r)} of the first {@code n} events of that key, the first one included. A
 * rate of 0.1 keeps the 1st, 11th, 21st... event, whichever threads log them, so a noisy message is thinned without
 * the gaps or bursts of random sampling and a rare message still shows up.
 * <p>
 * Rates are held as integers in millionths so that the arithmetic is exact. Once {@code maxKeys} keys are tracked,
 * further templates of a logger share one counter per logger, which bounds memory when messages are built by string
 * concatenation instead of templates.
 */
public final class CountingSampler implements EventSampler {

	/** Default number of distinct keys that get a counter of their own. */
	public static final int DEFAULT_MAX_KEYS = 10_000;

	private static final long SCALE = 1_000_000L;

	private final SamplingRates rates;

	private final int maxKeys;

	private final Map<SampleKey, AtomicLong> counters = new ConcurrentHashMap<>();

	public CountingSampler(SamplingRates rates) {
		this(rates, DEFAULT_MAX_KEYS);
	}

	public CountingSampler(SamplingRates rates, int maxKeys) {
		if (maxKeys < 1) {
			throw new IllegalArgumentException("maxKeys must be positive, was " + maxKeys);
		}
		this.rates = rates;
		this.maxKeys = maxKeys;
	}

	public SamplingRates rates() {
		return this.rates;
	}

	@Override
	public boolean keep(ILoggingEvent event) {
		long scaledRate = Math.round(this.rates.rateFor(event.getLoggerName()) * SCALE);
		if (scaledRate >= SCALE) {
			return true;
		}
		if (scaledRate <= 0) {
			return false;
		}
		long index = counterFor(event).getAndIncrement();
		// Event n (0-based) is kept when [n*rate, (n+1)*rate) contains a whole number; computed modulo SCALE to
		// stay exact and free of overflow however long the application runs.
		return ((index % SCALE) * scaledRate) % SCALE < scaledRate;
	}

	@Override
	public String toString() {
		return "rate=" + this.rates.globalRate() + " rates=" + this.rates.loggerRates();
	}

	private AtomicLong counterFor(ILoggingEvent event) {
		SampleKey key = new SampleKey(event.getLoggerName(), event.getMessage());
		AtomicLong counter = this.counters.get(key);
		if (counter != null) {
			return counter;
		}
		if (this.counters.size() >= this.maxKeys) {
			key = new SampleKey(event.getLoggerName(), null);
		}
		return this.counters.computeIfAbsent(key, (k) -> new AtomicLong());
	}

	private record SampleKey(String logger, String template) {
	}

}
