package io.github.structuredlogging.sampling;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.validation.Rate;
import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for thinning DEBUG and INFO events before they are queued. WARN and above are never sampled.
 */
@ConfigurationProperties(prefix = SamplingProperties.PREFIX)
public class SamplingProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.sampling";

	/**
	 * Whether to sample DEBUG and INFO events at the configured rates. Needs the async pipeline.
	 */
	private boolean enabled = true;

	/**
	 * Fraction of DEBUG and INFO events kept per logger and message template, between 0.0 and 1.0, for loggers
	 * without a rate of their own. Deterministic: 0.1 keeps exactly one event in ten.
	 */
	@Rate
	private double rate = 1.0;

	/**
	 * Fraction of DEBUG and INFO events kept, per logger name; applies to the logger and the loggers below it, as
	 * levels do.
	 */
	private Map<String, @NotNull @Rate Double> rates = new LinkedHashMap<>();

	/**
	 * Maximum number of logger and message template pairs counted separately; beyond it, a logger's further
	 * templates share one counter.
	 */
	@Positive
	private int maxKeys = CountingSampler.DEFAULT_MAX_KEYS;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getRate() {
		return this.rate;
	}

	public void setRate(double rate) {
		this.rate = rate;
	}

	public Map<String, Double> getRates() {
		return this.rates;
	}

	public void setRates(Map<String, Double> rates) {
		this.rates = rates;
	}

	public int getMaxKeys() {
		return this.maxKeys;
	}

	public void setMaxKeys(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	/**
	 * The sampler these settings describe.
	 * @return a counting sampler, or one keeping everything when sampling is off or every rate is 1
	 */
	public EventSampler createSampler() {
		SamplingRates samplingRates = new SamplingRates(this.rate, this.rates);
		if (!this.enabled || samplingRates.keepsAll()) {
			return EventSampler.keepAll();
		}
		return new CountingSampler(samplingRates, this.maxKeys);
	}

}
