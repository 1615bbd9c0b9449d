package io.github.structuredlogging.masking;

import java.util.List;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.limits.LineSafeEscapes;
import org.slf4j.event.KeyValuePair;

/**
 * Writes the key/values of an event as {@code key="value"} pairs, like Logback's {@code %kvp}, with values masked by
 * field name and by value pattern, and control characters escaped.
 */
final class MaskingKeyValuePairConverter extends ClassicConverter {

	private final TextMasker masker;

	MaskingKeyValuePairConverter(TextMasker masker) {
		this.masker = masker;
	}

	@Override
	public String convert(ILoggingEvent event) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs == null || pairs.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (KeyValuePair pair : pairs) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			String key = String.valueOf(pair.key);
			String value = this.masker.maskField(key, String.valueOf(pair.value));
			text.append(LineSafeEscapes.escape(key)).append("=\"").append(LineSafeEscapes.escape(value)).append('"');
		}
		return text.toString();
	}

}
