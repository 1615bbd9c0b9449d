package io.github.structuredlogging.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.util.LevelToSyslogSeverity;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event in the Graylog Extended Log Format 1.1, member for member as Spring Boot's
 * {@code GraylogExtendedLogFormatStructuredLogFormatter} does: {@code version}, {@code short_message} (never
 * blank), {@code timestamp} in seconds with milliseconds, the syslog severity as {@code level}, {@code host} and
 * {@code _service_version} from {@code logging.structured.gelf.*}, MDC entries and key/values as
 * {@code _}-prefixed additional fields, and the error fields; then Boot's {@code logging.structured.json.add}.
 * <p>
 * Like Boot, additional fields whose names GELF forbids are left out; Boot warns for each of them on every event,
 * the starter once per name.
 */
final class GelfJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	/** Top-level members of every event, with and without the prefix additional fields get. */
	static final Set<String> FIELDS = Set.of("version", "short_message", "full_message", "timestamp", "level",
			"host", "_level_name", "level_name", "_process_pid", "process_pid", "_process_thread_name",
			"process_thread_name", "_service_version", "service_version", "_log_logger", "log_logger", "_error_type",
			"error_type", "_error_stack_trace", "error_stack_trace", "_error_message", "error_message");

	private static final Pattern VALID_NAME = Pattern.compile("^[\\w.\\-]*$");

	private static final Set<String> ILLEGAL_NAMES = Set.of("id", "_id");

	/** Beyond this many distinct names, names are checked on every event rather than kept. */
	private static final int MAX_CACHED_NAMES = 1024;

	private final BootJsonMembers members;

	private final StackTraces stackTraces;

	private final Long pid;

	private final String host;

	private final String serviceVersion;

	private final Set<String> reportedNames = ConcurrentHashMap.newKeySet();

	/**
	 * The name each MDC key or key/value name is written under, {@code ""} when it is left out, so that the
	 * prefixing and checking is done once per name rather than once per event.
	 */
	private final Map<String, String> additionalNames = new ConcurrentHashMap<>();

	private final MemberName version;

	private final MemberName shortMessage;

	private final MemberName timestamp;

	private final MemberName level;

	private final MemberName levelName;

	private final MemberName pidName;

	private final MemberName threadName;

	private final MemberName hostName;

	private final MemberName serviceVersionName;

	private final MemberName logger;

	private final MemberName fullMessage;

	private final MemberName errorType;

	private final MemberName errorStackTrace;

	private final MemberName errorMessage;

	GelfJsonProvider(BootJsonMembers members, StackTraces stackTraces, Long pid, String host,
			String serviceVersion) {
		this.members = members;
		this.stackTraces = stackTraces;
		this.pid = pid;
		this.host = host;
		this.serviceVersion = serviceVersion;
		this.version = members.member("version");
		this.shortMessage = members.member("short_message");
		this.timestamp = members.member("timestamp");
		this.level = members.member("level");
		this.levelName = members.member("_level_name");
		this.pidName = members.member("_process_pid");
		this.threadName = members.member("_process_thread_name");
		this.hostName = members.member("host");
		this.serviceVersionName = members.member("_service_version");
		this.logger = members.member("_log_logger");
		this.fullMessage = members.member("full_message");
		this.errorType = members.member("_error_type");
		this.errorStackTrace = members.member("_error_stack_trace");
		this.errorMessage = members.member("_error_message");
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		EventMembers out = this.members.of(generator);
		JsonGenerator trusted = out.trusted();
		out.writeTrusted(this.version, "1.1");
		String message = event.getFormattedMessage();
		out.writeText(this.shortMessage, hasText(message) ? message : "(blank)");
		if (this.timestamp != null) {
			this.timestamp.writeTo(trusted);
			trusted.writeNumber(seconds(event.getTimeStamp()));
		}
		if (this.level != null) {
			this.level.writeNumber(trusted, LevelToSyslogSeverity.convert(event));
		}
		out.writeTrusted(this.levelName, event.getLevel().toString());
		if (this.pid != null && this.pidName != null) {
			this.pidName.writeNumber(trusted, this.pid);
		}
		out.writeTrusted(this.threadName, event.getThreadName());
		if (hasLength(this.host)) {
			out.writeTrusted(this.hostName, this.host);
		}
		if (hasLength(this.serviceVersion)) {
			out.writeTrusted(this.serviceVersionName, this.serviceVersion);
		}
		out.writeTrusted(this.logger, event.getLoggerName());
		if (this.members.settings().context().include()) {
			writePairs(out, event);
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			String stackTrace = this.stackTraces.of(event);
			out.writeMasked(this.fullMessage, message + "\n\n" + stackTrace);
			out.writeMasked(this.errorType, throwable.getClassName());
			out.writeMasked(this.errorStackTrace, stackTrace);
			out.writeMasked(this.errorMessage, throwable.getMessage());
		}
		this.members.writeAdded(out);
	}

	private void writePairs(EventMembers out, ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> writeAdditional(out, key, value));
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				writeAdditional(out, pair.key, pair.value);
			}
		}
	}

	private void writeAdditional(EventMembers out, String key, Object value) {
		String name = additionalName(key);
		if (!name.isEmpty()) {
			this.members.writePair(out, "", name, value);
		}
	}

	private String additionalName(String key) {
		String name = (key != null) ? this.additionalNames.get(key) : null;
		if (name == null) {
			name = checkedAdditionalName(this.members.settings().context().prefixOrEmpty() + key);
			if (key != null && this.additionalNames.size() < MAX_CACHED_NAMES) {
				this.additionalNames.put(key, name);
			}
		}
		return name;
	}

	private String checkedAdditionalName(String name) {
		if (!VALID_NAME.matcher(name).matches()) {
			reportOnce(name, "is not a valid field name according to GELF standard");
			return "";
		}
		if (ILLEGAL_NAMES.contains(name)) {
			reportOnce(name, "is an illegal field name according to GELF standard");
			return "";
		}
		return (name.isEmpty() || name.startsWith("_")) ? name : "_" + name;
	}

	/**
	 * Milliseconds as seconds with three decimals, as {@code BigDecimal.valueOf(millis, 3).toPlainString()} writes
	 * them for Boot, without the {@code BigDecimal}.
	 */
	static String seconds(long millis) {
		if (millis < 0) {
			return BigDecimal.valueOf(millis, 3).toPlainString();
		}
		long fraction = millis % 1000;
		StringBuilder text = new StringBuilder(24).append(millis / 1000).append('.');
		if (fraction < 100) {
			text.append((fraction < 10) ? "00" : "0");
		}
		return text.append(fraction).toString();
	}

	private void reportOnce(String name, String problem) {
		if (this.reportedNames.size() < 1024 && this.reportedNames.add(name)) {
			addWarn("'" + name + "' " + problem + "; the field is left out");
		}
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private static boolean hasLength(String text) {
		return text != null && !text.isEmpty();
	}

}
