package io.github.structuredlogging.performance;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import org.springframework.util.StringUtils;

/**
 * What {@link LogPerformance @LogPerformance} says about one method of one class, worked out on its first call.
 *
 * @param name the operation name
 * @param slowThresholdNanos the slow threshold, or negative for the configured default
 * @param trackMemory whether to log the calling thread's allocated bytes
 */
record Operation(String name, long slowThresholdNanos, boolean trackMemory) {

	static Operation of(LogPerformance annotation, Class<?> targetClass, Method method) {
		String name = StringUtils.hasText(annotation.value()) ? annotation.value()
				: targetClass.getSimpleName() + "." + method.getName();
		long threshold = (annotation.slowThresholdMs() >= 0)
				? TimeUnit.MILLISECONDS.toNanos(annotation.slowThresholdMs()) : -1;
		return new Operation(name, threshold, annotation.trackMemory());
	}

}
