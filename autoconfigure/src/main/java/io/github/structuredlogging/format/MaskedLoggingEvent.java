package io.github.structuredlogging.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import io.github.structuredlogging.masking.TextMasker;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * An event as a formatter the starter does not write itself may see it: message, MDC values and key/values masked
 * (by field name and by value pattern), no arguments, so that the formatter cannot print a secret from them.
 */
final class MaskedLoggingEvent implements ILoggingEvent {

	private static final Object[] NO_ARGUMENTS = new Object[0];

	private final ILoggingEvent event;

	private final String formattedMessage;

	private final Map<String, String> mdc;

	private final List<KeyValuePair> keyValuePairs;

	MaskedLoggingEvent(ILoggingEvent event, TextMasker masker) {
		this.event = event;
		this.formattedMessage = masker.maskText(event.getFormattedMessage());
		Map<String, String> mdc = new LinkedHashMap<>();
		if (event.getMDCPropertyMap() != null) {
			event.getMDCPropertyMap().forEach((key, value) -> mdc.put(key, masker.maskField(key, value)));
		}
		this.mdc = mdc;
		List<KeyValuePair> keyValuePairs = new ArrayList<>();
		if (event.getKeyValuePairs() != null) {
			for (KeyValuePair pair : event.getKeyValuePairs()) {
				Object value = (pair.value instanceof Number || pair.value instanceof Boolean) ? pair.value
						: masker.maskField(pair.key, String.valueOf(pair.value));
				keyValuePairs.add(new KeyValuePair(pair.key, value));
			}
		}
		this.keyValuePairs = keyValuePairs;
	}

	@Override
	public String getThreadName() {
		return this.event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return this.event.getLevel();
	}

	@Override
	public String getMessage() {
		return this.formattedMessage;
	}

	@Override
	public Object[] getArgumentArray() {
		return NO_ARGUMENTS;
	}

	@Override
	public String getFormattedMessage() {
		return this.formattedMessage;
	}

	@Override
	public String getLoggerName() {
		return this.event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return this.event.getLoggerContextVO();
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return this.event.getThrowableProxy();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return this.event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return this.event.hasCallerData();
	}

	@Override
	public List<Marker> getMarkerList() {
		return this.event.getMarkerList();
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return this.mdc;
	}

	@Override
	@SuppressWarnings("deprecation")
	public Map<String, String> getMdc() {
		return this.mdc;
	}

	@Override
	public long getTimeStamp() {
		return this.event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return this.event.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return this.event.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return this.event.getSequenceNumber();
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		return this.keyValuePairs;
	}

	@Override
	public void prepareForDeferredProcessing() {
		this.event.prepareForDeferredProcessing();
	}

}
