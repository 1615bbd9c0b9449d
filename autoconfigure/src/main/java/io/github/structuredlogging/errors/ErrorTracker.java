package io.github.structuredlogging.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Tracks ERROR events by exception type and raises alerts on sliding-window thresholds: when the number of events
 * within the window reaches the threshold, one {@link ErrorThresholdExceededEvent} is published and one
 * {@value #ALERT_EVENT} event is logged, and no further alert is raised for the same key until the window has
 * passed. Thresholds are kept for all errors together ({@value #ALL_ERRORS}) and for each exception type configured
 * with one of its own.
 */
public class ErrorTracker {

	/** Key of the threshold over ERROR events of any type. */
	public static final String ALL_ERRORS = "all";

	/** Exception type of an ERROR event logged without a throwable. */
	public static final String NO_EXCEPTION = "none";

	/** Value of the {@code event} field of the logged alert. */
	public static final String ALERT_EVENT = "error_alert";

	private static final Logger logger = LoggerFactory.getLogger(ErrorTracker.class);

	private final ErrorTrackingProperties.Alert properties;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();

	private final List<ErrorListener> listeners = new CopyOnWriteArrayList<>();

	public ErrorTracker(ErrorTrackingProperties.Alert properties, Clock clock, ApplicationEventPublisher publisher) {
		this.properties = properties;
		this.clock = clock;
		this.publisher = publisher;
		if (properties.isEnabled()) {
			this.windows.put(ALL_ERRORS, new SlidingWindow(properties.getThreshold(), properties.getWindow()));
			properties.getExceptions()
				.forEach((type, threshold) -> this.windows.put(type,
						new SlidingWindow(threshold, properties.getWindow())));
		}
	}

	public void addListener(ErrorListener listener) {
		this.listeners.add(listener);
	}

	public void removeListener(ErrorListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Records one ERROR event.
	 * @param exceptionType the fully qualified class name of the logged throwable, or {@link #NO_EXCEPTION}
	 * @param loggerName the name of the logger
	 */
	public void record(String exceptionType, String loggerName) {
		for (ErrorListener listener : this.listeners) {
			listener.onError(exceptionType, loggerName);
		}
		if (this.windows.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		check(ALL_ERRORS, now);
		if (!ALL_ERRORS.equals(exceptionType)) {
			check(exceptionType, now);
		}
	}

	/**
	 * The alerts whose window has not passed yet, by key.
	 * @return the active alerts
	 */
	public List<ErrorAlert> activeAlerts() {
		Instant now = this.clock.instant();
		List<ErrorAlert> active = new ArrayList<>();
		this.windows.values().forEach((window) -> {
			ErrorAlert alert = window.lastAlert();
			if (alert != null && now.isBefore(alert.activeUntil())) {
				active.add(alert);
			}
		});
		return active;
	}

	public ErrorTrackingProperties.Alert getProperties() {
		return this.properties;
	}

	private void check(String key, Instant now) {
		SlidingWindow window = this.windows.get(key);
		if (window == null) {
			return;
		}
		ErrorAlert alert = window.record(key, now);
		if (alert != null) {
			raise(alert);
		}
	}

	/**
	 * Logged at WARN so that the alert is never counted as an error itself.
	 */
	private void raise(ErrorAlert alert) {
		logger.atWarn()
			.addKeyValue("event", ALERT_EVENT)
			.addKeyValue("alert_key", alert.key())
			.addKeyValue("error_count", alert.count())
			.addKeyValue("threshold", alert.threshold())
			.addKeyValue("window", alert.window().toString())
			.addKeyValue("first_error_at", alert.firstErrorAt().toString())
			.log("{} ERROR events ({}) within {}", alert.count(), alert.key(), alert.window());
		this.publisher.publishEvent(new ErrorThresholdExceededEvent(this, alert));
	}

	/**
	 * The times of the last {@code threshold} events of one key, in a ring: the threshold is reached within the
	 * window when the oldest of them is younger than the window.
	 */
	private static final class SlidingWindow {

		private final long[] times;

		private final Duration window;

		private int next;

		private int size;

		private ErrorAlert lastAlert;

		SlidingWindow(int threshold, Duration window) {
			this.times = new long[threshold];
			this.window = window;
		}

		synchronized ErrorAlert record(String key, Instant now) {
			long nowMillis = now.toEpochMilli();
			this.times[this.next] = nowMillis;
			this.next = (this.next + 1) % this.times.length;
			this.size = Math.min(this.size + 1, this.times.length);
			if (this.size < this.times.length) {
				return null;
			}
			long oldest = this.times[this.next];
			boolean withinWindow = nowMillis - oldest < this.window.toMillis();
			boolean suppressed = this.lastAlert != null && now.isBefore(this.lastAlert.activeUntil());
			if (!withinWindow || suppressed) {
				return null;
			}
			this.lastAlert = new ErrorAlert(key, this.size, this.times.length, this.window,
					Instant.ofEpochMilli(oldest), now);
			this.size = 0;
			return this.lastAlert;
		}

		synchronized ErrorAlert lastAlert() {
			return this.lastAlert;
		}

	}

}
