package io.github.structuredlogging.level;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.level.TemporaryLevels.Change;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.logging.LogLevel;

/**
 * {@code /actuator/timedloggers}: sets a logger's level for a stated duration, after which the previous level
 * comes back by itself. {@code POST /actuator/timedloggers/com.example {"level":"DEBUG","duration":"10m"}} sets,
 * {@code DELETE} restores now, {@code GET} lists what is set and until when.
 */
@Endpoint(id = "timedloggers")
public class TimedLoggersEndpoint {

	private final TemporaryLevels levels;

	private final Duration maxDuration;

	public TimedLoggersEndpoint(TemporaryLevels levels, Duration maxDuration) {
		this.levels = levels;
		this.maxDuration = maxDuration;
	}

	@ReadOperation
	public TimedLoggersDescriptor timedLoggers() {
		Map<String, TimedLevelDescriptor> loggers = new LinkedHashMap<>();
		this.levels.active().forEach((name, change) -> loggers.put(name, describe(change)));
		return new TimedLoggersDescriptor(loggers);
	}

	@WriteOperation
	public TimedLevelDescriptor setLevel(@Selector String name, LogLevel level, Duration duration) {
		if (level == null || duration == null) {
			throw new InvalidEndpointRequestException("'level' and 'duration' are required",
					"Both level and duration are required");
		}
		if (duration.isNegative() || duration.isZero() || duration.compareTo(this.maxDuration) > 0) {
			String reason = "'duration' must be positive and at most " + this.maxDuration + " ("
					+ LevelProperties.PREFIX + ".max-duration)";
			throw new InvalidEndpointRequestException(reason, reason);
		}
		return describe(this.levels.set(name, level, duration));
	}

	@DeleteOperation
	public boolean revert(@Selector String name) {
		return this.levels.revert(name);
	}

	private static TimedLevelDescriptor describe(Change change) {
		return new TimedLevelDescriptor(change.level(), change.previous(), change.until());
	}

	/**
	 * Every logger with a temporary level.
	 *
	 * @param loggers the temporary levels by logger name
	 */
	public record TimedLoggersDescriptor(Map<String, TimedLevelDescriptor> loggers) implements OperationResponseBody {

	}

	/**
	 * One temporary level.
	 *
	 * @param level the level set
	 * @param previousLevel the level restored afterwards, {@code null} when the logger then inherits its parent's
	 * @param until when the previous level comes back
	 */
	public record TimedLevelDescriptor(LogLevel level, LogLevel previousLevel, Instant until)
			implements OperationResponseBody {

	}

}
