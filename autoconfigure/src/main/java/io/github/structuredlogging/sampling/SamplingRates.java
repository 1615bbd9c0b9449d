package io.github.structuredlogging.sampling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fraction of events kept per logger: the rate configured for the logger's closest configured ancestor (by the
 * dotted name, as Logback resolves levels), or the global rate.
 */
public final class SamplingRates {

	private final double globalRate;

	private final Map<String, Double> loggerRates;

	private final Map<String, Double> resolved = new ConcurrentHashMap<>();

	public SamplingRates(double globalRate, Map<String, Double> loggerRates) {
		this.globalRate = checkRate("global", globalRate);
		Map<String, Double> rates = new LinkedHashMap<>();
		loggerRates.forEach((logger, rate) -> rates.put(logger, checkRate(logger, rate)));
		this.loggerRates = Collections.unmodifiableMap(rates);
	}

	public static SamplingRates keepAll() {
		return new SamplingRates(1.0, Map.of());
	}

	public double globalRate() {
		return this.globalRate;
	}

	public Map<String, Double> loggerRates() {
		return this.loggerRates;
	}

	/**
	 * Whether every event is kept whatever its logger, so the sampler can be skipped altogether.
	 * @return whether no rate is below 1
	 */
	public boolean keepsAll() {
		return this.globalRate >= 1.0 && this.loggerRates.values().stream().allMatch((rate) -> rate >= 1.0);
	}

	public double rateFor(String loggerName) {
		return this.resolved.computeIfAbsent(loggerName, this::resolve);
	}

	private double resolve(String loggerName) {
		String name = loggerName;
		while (true) {
			Double rate = this.loggerRates.get(name);
			if (rate != null) {
				return rate;
			}
			int dot = name.lastIndexOf('.');
			if (dot < 0) {
				return this.globalRate;
			}
			name = name.substring(0, dot);
		}
	}

	private static double checkRate(String name, Double rate) {
		if (rate == null || rate < 0.0 || rate > 1.0) {
			throw new IllegalArgumentException(
					"Sampling rate for '" + name + "' must be between 0.0 and 1.0, was " + rate);
		}
		return rate;
	}

}
