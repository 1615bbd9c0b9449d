package io.github.structuredlogging.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the active error alerts. The status stays UP while alerting: a high error rate is for people to look at,
 * and restarting or unrouting the instance (what a DOWN probe leads to) rarely cures it.
 */
public class ErrorTrackingHealthIndicator implements HealthIndicator {

	private final ErrorTracker tracker;

	public ErrorTrackingHealthIndicator(ErrorTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public Health health() {
		Map<String, Object> alerts = new LinkedHashMap<>();
		this.tracker.activeAlerts().forEach((alert) -> alerts.put(alert.key(), Map.of("count", alert.count(),
				"threshold", alert.threshold(), "raisedAt", alert.raisedAt().toString(), "activeUntil",
				alert.activeUntil().toString())));
		return Health.up()
			.withDetail("alerting", !alerts.isEmpty())
			.withDetail("alerts", alerts)
			.withDetail("threshold", this.tracker.getProperties().getThreshold())
			.withDetail("window", this.tracker.getProperties().getWindow().toString())
			.build();
	}

}
