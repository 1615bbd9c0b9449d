package io.github.structuredlogging.limits;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as the encoder should see it: the original, with its message, MDC and key/values replaced by
 * bounded (or masked) copies. The original is left untouched, as other appenders may see it too.
 */
public final class BoundedLoggingEvent implements ILoggingEvent {

	private static final Object[] NO_ARGUMENTS = new Object[0];

	private final ILoggingEvent event;

	private final String formattedMessage;

	private final Map<String, String> mdc;

	private final List<KeyValuePair> keyValuePairs;

	private final Object[] arguments;

	private final IThrowableProxy throwable;

	private final List<Marker> markers;

	BoundedLoggingEvent(ILoggingEvent event, String formattedMessage, Map<String, String> mdc,
			List<KeyValuePair> keyValuePairs) {
		this(event, formattedMessage, mdc, keyValuePairs, event.getArgumentArray(), event.getThrowableProxy(),
				event.getMarkerList());
	}

	private BoundedLoggingEvent(ILoggingEvent event, String formattedMessage, Map<String, String> mdc,
			List<KeyValuePair> keyValuePairs, Object[] arguments, IThrowableProxy throwable, List<Marker> markers) {
		this.event = event;
		this.formattedMessage = formattedMessage;
		this.mdc = mdc;
		this.keyValuePairs = keyValuePairs;
		this.arguments = arguments;
		this.throwable = throwable;
		this.markers = markers;
	}

	/**
	 * The event with its message, MDC and key/values replaced and no arguments, for a formatter that must see
	 * nothing but the replacements (a formatter the starter does not write itself prints whatever it finds).
	 * @param event the original event
	 * @param formattedMessage the message to show
	 * @param mdc the MDC to show
	 * @param keyValuePairs the key/values to show
	 * @return the copy; the original is left untouched
	 */
	public static ILoggingEvent replacingContent(ILoggingEvent event, String formattedMessage,
			Map<String, String> mdc, List<KeyValuePair> keyValuePairs) {
		return new BoundedLoggingEvent(event, formattedMessage, mdc, keyValuePairs, NO_ARGUMENTS,
				event.getThrowableProxy(), event.getMarkerList());
	}

	/**
	 * The event with other key/values and everything else as logged, arguments included.
	 * @param event the original event
	 * @param keyValuePairs the key/values to show
	 * @return the copy; the original is left untouched
	 */
	public static ILoggingEvent replacingKeyValuePairs(ILoggingEvent event, List<KeyValuePair> keyValuePairs) {
		return replacingFields(event, event.getMDCPropertyMap(), keyValuePairs);
	}

	/**
	 * The event with its MDC and key/values replaced, message and arguments kept.
	 * @param event the original event
	 * @param mdc the MDC to show
	 * @param keyValuePairs the key/values to show
	 * @return the copy; the original is left untouched
	 */
	public static ILoggingEvent replacingFields(ILoggingEvent event, Map<String, String> mdc,
			List<KeyValuePair> keyValuePairs) {
		return new BoundedLoggingEvent(event, event.getFormattedMessage(), mdc, keyValuePairs);
	}

	/**
	 * The event reduced to what cannot fail to encode, for when encoding the bounded event failed all the same: no
	 * arguments, markers or throwable, and key/values replaced by the reason.
	 */
	BoundedLoggingEvent withoutObjects(List<KeyValuePair> keyValuePairs) {
		return new BoundedLoggingEvent(this.event, this.formattedMessage, this.mdc, keyValuePairs, null, null,
				null);
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
		return this.arguments;
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
		return this.throwable;
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
		return this.markers;
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
