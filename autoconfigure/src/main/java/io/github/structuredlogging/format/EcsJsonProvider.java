package io.github.structuredlogging.format;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.structuredlogging.masking.TextMasker;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event in Elastic Common Schema, member for member as Spring Boot's
 * {@code ElasticCommonSchemaStructuredLogFormatter} does: {@code @timestamp}, {@code log}, {@code process},
 * {@code service} (from {@code logging.structured.ecs.service.*}), {@code message}, MDC entries and key/values
 * nested by their dotted names, {@code error}, {@code tags} and {@code ecs.version}; then Boot's
 * {@code logging.structured.json.add}.
 * <p>
 * One difference, by design: trace and span ids, which Micrometer Tracing puts into the MDC as {@code traceId} and
 * {@code spanId}, are written as ECS names them, {@code trace.id} and {@code span.id}.
 */
final class EcsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	/** The ECS version Boot's formatter declares. */
	static final String ECS_VERSION = "8.11";

	/** Top-level members of every event, which no MDC entry or key/value may take. */
	static final Set<String> FIELDS = Set.of("@timestamp", "log", "process", "service", "message", "error", "tags",
			"ecs", "trace", "span");

	private final BootJsonMembers members;

	private final StackTraces stackTraces;

	private final Map<String, String> mdcNames;

	private final Map<String, String[]> tracingPaths;

	/** The top-level names of the tracing ids, which other names must not take for them to be written straight. */
	private final Set<String> tracingRoots;

	private final Long pid;

	private final EcsService service;

	private final IsoTimestamps timestamps = IsoTimestamps.utc();

	private final Map<String, Object> additions;

	private final MemberName timestamp;

	private final MemberName log;

	private final MemberName level;

	private final MemberName logger;

	private final MemberName process;

	private final MemberName pidName;

	private final MemberName thread;

	private final MemberName threadName;

	private final MemberName message;

	private final MemberName error;

	private final MemberName errorType;

	private final MemberName errorMessage;

	private final MemberName errorStackTrace;

	private final MemberName tags;

	private final MemberName ecs;

	private final MemberName ecsVersion;

	EcsJsonProvider(BootJsonMembers members, StackTraces stackTraces, Map<String, String> mdcNames, Long pid,
			EcsService service) {
		this.members = members;
		this.stackTraces = stackTraces;
		this.mdcNames = mdcNames;
		this.tracingPaths = tracingPaths(mdcNames);
		this.tracingRoots = this.tracingPaths.values()
			.stream()
			.map((path) -> path[0])
			.collect(Collectors.toUnmodifiableSet());
		this.tracingPaths.values().forEach((path) -> Arrays.stream(path).forEach(members::ownName));
		this.pid = pid;
		this.service = service;
		this.additions = BootJsonMembers.nest(members.settings().add());
		this.timestamp = members.member("@timestamp");
		this.log = members.member("log");
		this.level = members.member("log.level");
		this.logger = members.member("log.logger");
		this.process = members.member("process");
		this.pidName = members.member("process.pid");
		this.thread = members.member("process.thread");
		this.threadName = members.member("process.thread.name");
		this.message = members.member("message");
		this.error = members.member("error");
		this.errorType = members.member("error.type");
		this.errorMessage = members.member("error.message");
		this.errorStackTrace = members.member("error.stack_trace");
		this.tags = members.member("tags");
		this.ecs = members.member("ecs");
		this.ecsVersion = members.member("ecs.version");
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		EventMembers out = this.members.of(generator);
		JsonGenerator trusted = out.trusted();
		out.writeTrusted(this.timestamp, this.timestamps.format(event.getInstant()));
		if (this.log != null) {
			this.log.writeObjectStart(trusted);
			out.writeTrusted(this.level, event.getLevel().toString());
			out.writeTrusted(this.logger, event.getLoggerName());
			trusted.writeEndObject();
		}
		if (this.process != null) {
			this.process.writeObjectStart(trusted);
			if (this.pid != null && this.pidName != null) {
				this.pidName.writeNumber(trusted, this.pid);
			}
			if (this.thread != null) {
				this.thread.writeObjectStart(trusted);
				out.writeTrusted(this.threadName, event.getThreadName());
				trusted.writeEndObject();
			}
			trusted.writeEndObject();
		}
		this.service.writeTo(trusted);
		out.writeText(this.message, event.getFormattedMessage());
		if (this.members.settings().context().include()) {
			writePairs(out, event);
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null && this.error != null) {
			this.error.writeObjectStart(out.masked());
			out.writeMasked(this.errorType, throwable.getClassName());
			out.writeMasked(this.errorMessage, throwable.getMessage());
			if (this.errorStackTrace != null) {
				out.writeMasked(this.errorStackTrace, this.stackTraces.of(event));
			}
			out.masked().writeEndObject();
		}
		List<Marker> markers = event.getMarkerList();
		if (markers != null && !markers.isEmpty() && this.tags != null) {
			JsonGenerator masked = out.masked();
			this.tags.writeTo(masked);
			masked.writeStartArray();
			for (String name : Markers.names(markers, new TreeSet<>())) {
				masked.writeString(name);
			}
			masked.writeEndArray();
		}
		if (this.ecs != null) {
			this.ecs.writeObjectStart(trusted);
			out.writeTrusted(this.ecsVersion, ECS_VERSION);
			trusted.writeEndObject();
		}
		this.additions.forEach((name, value) -> this.members.writePair(out, "", name, value));
	}

	/**
	 * Names without a dot, by far the most, are written as they come, and the tracing ids straight into their
	 * nested objects; only other dotted names, a context prefix, or renaming the tracing ids need the nesting of
	 * every name, which costs a map per event.
	 */
	private void writePairs(EventMembers out, ILoggingEvent event) {
		if (needsNesting(event)) {
			this.members.writeNested(out, pairs(event));
			return;
		}
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> writeMdcPair(out, key, value));
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				this.members.writePair(out, "", pair.key, pair.value);
			}
		}
	}

	private void writeMdcPair(EventMembers out, String key, String value) {
		String[] path = this.tracingPaths.get(key);
		if (path == null) {
			this.members.writePair(out, "", key, value);
			return;
		}
		JsonGenerator trusted = out.trusted();
		int last = path.length - 1;
		for (int i = 0; i < last; i++) {
			trusted.writeObjectPropertyStart(path[i]);
		}
		out.writePairInTrusted(path[last], value);
		for (int i = 0; i < last; i++) {
			trusted.writeEndObject();
		}
	}

	private boolean needsNesting(ILoggingEvent event) {
		if (!this.members.settings().context().prefixOrEmpty().isEmpty()) {
			return true;
		}
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			for (String key : mdc.keySet()) {
				if (key.indexOf('.') >= 0 || this.tracingRoots.contains(key) || (this.mdcNames.containsKey(key)
						&& (this.members.processesNames() || !this.tracingPaths.containsKey(key)))) {
					return true;
				}
			}
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				if (pair.key == null || pair.key.indexOf('.') >= 0 || this.tracingRoots.contains(pair.key)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The names of the objects each tracing id is nested in, and its own, when writing them straight gives what
	 * nesting gives: no empty name, and no two ids in the same top-level object. Otherwise none, and an event with
	 * a tracing id is nested as a whole.
	 */
	private static Map<String, String[]> tracingPaths(Map<String, String> mdcNames) {
		Map<String, String[]> paths = new HashMap<>();
		Set<String> roots = new HashSet<>();
		for (Map.Entry<String, String> name : mdcNames.entrySet()) {
			String[] path = name.getValue().split("\\.", -1);
			if (Arrays.stream(path).anyMatch(String::isEmpty) || !roots.add(path[0])) {
				return Map.of();
			}
			paths.put(name.getKey(), path);
		}
		return paths;
	}

	private Map<String, Object> pairs(ILoggingEvent event) {
		String prefix = this.members.settings().context().prefixOrEmpty();
		Map<String, Object> pairs = new LinkedHashMap<>();
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> pairs.put(joined(prefix, this.mdcNames.getOrDefault(key, key)), value));
		}
		List<KeyValuePair> keyValues = event.getKeyValuePairs();
		if (keyValues != null) {
			for (KeyValuePair pair : keyValues) {
				pairs.put(joined(prefix, pair.key), pair.value);
			}
		}
		return pairs;
	}

	private static String joined(String prefix, String name) {
		if (prefix.isEmpty()) {
			return name;
		}
		return (prefix.endsWith(".") || name.startsWith(".")) ? prefix + name : prefix + "." + name;
	}

	/**
	 * The {@code service} member, from {@code logging.structured.ecs.service.*} as Boot reads them, masked once as
	 * they are the same in every event.
	 */
	static final class EcsService {

		private final MemberName[] names;

		private final String[] values;

		private final MemberName service;

		private final MemberName node;

		private final MemberName nodeName;

		private final String nodeNameValue;

		EcsService(String name, String version, String environment, String nodeName, BootJsonMembers members) {
			this.service = members.member("service");
			this.names = new MemberName[] { members.member("service.name"), members.member("service.version"),
					members.member("service.environment") };
			TextMasker masker = members.masker();
			this.values = new String[] { masker.maskText(name), masker.maskText(version),
					masker.maskText(environment) };
			this.node = members.member("service.node");
			this.nodeName = members.member("service.node.name");
			this.nodeNameValue = masker.maskText(nodeName);
		}

		void writeTo(JsonGenerator generator) {
			if (this.service == null) {
				return;
			}
			this.service.writeObjectStart(generator);
			for (int i = 0; i < this.names.length; i++) {
				writeIfHasLength(generator, this.names[i], this.values[i]);
			}
			if (this.node != null) {
				this.node.writeObjectStart(generator);
				writeIfHasLength(generator, this.nodeName, this.nodeNameValue);
				generator.writeEndObject();
			}
			generator.writeEndObject();
		}

		private static void writeIfHasLength(JsonGenerator generator, MemberName name, String value) {
			if (name != null && value != null && !value.isEmpty()) {
				name.writeTo(generator);
				generator.writeString(value);
			}
		}

	}

}
