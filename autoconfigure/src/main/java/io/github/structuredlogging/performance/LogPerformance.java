package io.github.structuredlogging.performance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Measures each call of the annotated method, or of every public method of the annotated class: one log event per
 * call with its duration and outcome, and a Micrometer timer per operation when a {@code MeterRegistry} exists.
 * <p>
 * A method returning a {@code CompletableFuture} (any {@code CompletionStage}), a Reactor {@code Mono} or
 * {@code Flux} is measured to completion of the result, not to its return; a failure is then reported from the
 * failed signal. Exceptions thrown by the method are rethrown untouched.
 * <p>
 * Applies to calls through the Spring proxy of a bean, as every Spring AOP annotation does.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// The interceptor reads this annotation from the bean's methods and class at run time: ahead-of-time processing
// registers both for reflection in a native image.
@Reflective
public @interface LogPerformance {

	/**
	 * Name of the operation in the log event and the timer's {@code operation} tag; empty means
	 * {@code SimpleClassName.method}.
	 * @return the operation name
	 */
	String value() default "";

	/**
	 * Duration from which a successful call is logged at WARN rather than at the success level; a negative value
	 * means the {@code structured-logging.performance.slow-threshold} property.
	 * @return the threshold in milliseconds
	 */
	long slowThresholdMs() default -1;

	/**
	 * Whether to log the bytes allocated by the calling thread during a synchronous call, as counted by the JVM per
	 * thread (not the process's memory). Left out for asynchronous results, whose work runs on other threads.
	 * @return whether to track allocation
	 */
	boolean trackMemory() default false;

}
