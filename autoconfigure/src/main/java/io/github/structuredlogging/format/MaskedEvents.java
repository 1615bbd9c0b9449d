package io.github.structuredlogging.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.BoundedLoggingEvent;
import io.github.structuredlogging.masking.TextMasker;
import org.slf4j.event.KeyValuePair;

/**
 * Events as a formatter the starter does not write itself may see them: message, MDC values and key/values masked
 * (by field name and by value pattern), no arguments, so that the formatter cannot print a secret from them.
 */
final class MaskedEvents {

	private MaskedEvents() {
	}

	static ILoggingEvent mask(ILoggingEvent event, TextMasker masker) {
		Map<String, String> mdc = new LinkedHashMap<>();
		if (event.getMDCPropertyMap() != null) {
			event.getMDCPropertyMap().forEach((key, value) -> mdc.put(key, masker.maskField(key, value)));
		}
		List<KeyValuePair> keyValuePairs = new ArrayList<>();
		if (event.getKeyValuePairs() != null) {
			for (KeyValuePair pair : event.getKeyValuePairs()) {
				Object value = (pair.value instanceof Number || pair.value instanceof Boolean) ? pair.value
						: masker.maskField(pair.key, String.valueOf(pair.value));
				keyValuePairs.add(new KeyValuePair(pair.key, value));
			}
		}
		return BoundedLoggingEvent.replacingContent(event, masker.maskText(event.getFormattedMessage()), mdc,
				keyValuePairs);
	}

}
