package io.github.structuredlogging.sample.alerting;

import io.github.structuredlogging.errors.ErrorAlert;
import io.github.structuredlogging.errors.ErrorThresholdExceededEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Where an application hooks its chat or paging integration: the starter publishes one
 * {@link ErrorThresholdExceededEvent} per window when ERROR events reach the configured threshold. The listener is
 * {@code @Async} so that a slow notification never holds up the request that logged the error.
 */
@Component
public class ErrorAlertNotifier {

	private static final Logger log = LoggerFactory.getLogger(ErrorAlertNotifier.class);

	@Async
	@EventListener
	public void onErrorThresholdExceeded(ErrorThresholdExceededEvent event) {
		ErrorAlert alert = event.getAlert();
		log.atWarn()
			.addKeyValue("alert_key", alert.key())
			.addKeyValue("error_count", alert.count())
			.addKeyValue("active_until", alert.activeUntil().toString())
			.log("Paging on-call: error rate too high");
	}

}
