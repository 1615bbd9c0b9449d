package io.github.structuredlogging.format;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event in the Logstash JSON format, member for member as Spring Boot's
 * {@code LogstashStructuredLogFormatter} does: {@code @timestamp} with the local offset, {@code @version},
 * {@code message}, {@code logger_name}, {@code thread_name}, {@code level}, {@code level_value}, MDC entries and
 * key/values, {@code tags}, {@code stack_trace}; then Boot's {@code logging.structured.json.add}.
 */
final class LogstashJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	/** Top-level members of every event, which no MDC entry or key/value may take. */
	static final Set<String> FIELDS = Set.of("@timestamp", "@version", "message", "logger_name", "thread_name",
			"level", "level_value", "tags", "stack_trace");

	private final BootJsonMembers members;

	private final StackTraces stackTraces;

	private final IsoTimestamps timestamps = IsoTimestamps.offset(ZoneId.systemDefault());

	private final MemberName timestamp;

	private final MemberName version;

	private final MemberName message;

	private final MemberName logger;

	private final MemberName thread;

	private final MemberName level;

	private final MemberName levelValue;

	private final MemberName tags;

	private final MemberName stackTrace;

	LogstashJsonProvider(BootJsonMembers members, StackTraces stackTraces) {
		this.members = members;
		this.stackTraces = stackTraces;
		this.timestamp = members.member("@timestamp");
		this.version = members.member("@version");
		this.message = members.member("message");
		this.logger = members.member("logger_name");
		this.thread = members.member("thread_name");
		this.level = members.member("level");
		this.levelValue = members.member("level_value");
		this.tags = members.member("tags");
		this.stackTrace = members.member("stack_trace");
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		EventMembers out = this.members.of(generator);
		if (this.timestamp != null) {
			out.writeTrusted(this.timestamp, this.timestamps.format(event.getInstant()));
		}
		out.writeTrusted(this.version, "1");
		out.writeText(this.message, event.getFormattedMessage());
		out.writeTrusted(this.logger, event.getLoggerName());
		out.writeTrusted(this.thread, event.getThreadName());
		out.writeTrusted(this.level, event.getLevel().toString());
		if (this.levelValue != null) {
			this.levelValue.writeNumber(out.trusted(), event.getLevel().toInt());
		}
		if (this.members.settings().context().include()) {
			writePairs(out, event);
		}
		List<Marker> markers = event.getMarkerList();
		if (markers != null && !markers.isEmpty() && this.tags != null) {
			JsonGenerator masked = out.masked();
			this.tags.writeTo(masked);
			masked.writeStartArray();
			for (String name : Markers.names(markers, new LinkedHashSet<>())) {
				masked.writeString(name);
			}
			masked.writeEndArray();
		}
		if (event.getThrowableProxy() != null && this.stackTrace != null) {
			out.writeMasked(this.stackTrace, this.stackTraces.of(event));
		}
		this.members.writeAdded(out);
	}

	private void writePairs(EventMembers out, ILoggingEvent event) {
		String prefix = this.members.settings().context().prefixOrEmpty();
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> this.members.writePair(out, "", joined(prefix, key), value));
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				this.members.writePair(out, "", joined(prefix, pair.key), pair.value);
			}
		}
	}

	private static String joined(String prefix, String name) {
		if (prefix.isEmpty()) {
			return name;
		}
		return (prefix.endsWith("_") || name.startsWith("_")) ? prefix + name : prefix + "_" + name;
	}

}
