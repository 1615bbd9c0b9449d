package io.github.structuredlogging.errors;

import org.springframework.context.ApplicationEvent;

/**
 * Published once when ERROR events reach a threshold within its window. Listen for it to notify people (chat,
 * paging); listeners run on the thread that logged the error that crossed the threshold, so slow ones should be
 * {@code @Async}.
 */
public class ErrorThresholdExceededEvent extends ApplicationEvent {

	private final ErrorAlert alert;

	public ErrorThresholdExceededEvent(ErrorTracker source, ErrorAlert alert) {
		super(source);
		this.alert = alert;
	}

	public ErrorAlert getAlert() {
		return this.alert;
	}

}
