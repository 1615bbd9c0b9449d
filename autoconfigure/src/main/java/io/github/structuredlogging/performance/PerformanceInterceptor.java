package io.github.structuredlogging.performance;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Measures calls of {@link LogPerformance @LogPerformance} methods and hands each measurement to the
 * {@link PerformanceRecorder}: synchronous calls to their return, {@code CompletionStage}s to their completion and
 * Reactor publishers to their terminal signal, per subscription.
 */
public class PerformanceInterceptor implements MethodInterceptor {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			PerformanceInterceptor.class.getClassLoader());

	private final Supplier<PerformanceRecorder> recorder;

	private final Map<MethodClassKey, Operation> operations = new ConcurrentHashMap<>();

	/**
	 * Creates an interceptor.
	 * @param recorder supplies the recorder on the first call; lazy, so that advising beans does not create the
	 * recorder, its listeners and their meter registry before they are ready
	 */
	public PerformanceInterceptor(Supplier<PerformanceRecorder> recorder) {
		this.recorder = SingletonSupplier.of(recorder);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Operation operation = operation(invocation);
		PerformanceRecorder recorder = this.recorder.get();
		long allocatedBefore = operation.trackMemory() ? ThreadAllocation.current() : -1;
		long start = System.nanoTime();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			recorder.record(operation, Outcome.FAILURE, System.nanoTime() - start, ex, allocated(allocatedBefore));
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> recorder.record(operation,
					(failure != null) ? Outcome.FAILURE : Outcome.SUCCESS, System.nanoTime() - start, unwrap(failure),
					-1));
			return result;
		}
		if (REACTOR_PRESENT && ReactorMeasurement.isMeasurable(result)) {
			return ReactorMeasurement.measure(result, operation, recorder);
		}
		recorder.record(operation, Outcome.SUCCESS, System.nanoTime() - start, null, allocated(allocatedBefore));
		return result;
	}

	private static long allocated(long before) {
		return (before >= 0) ? ThreadAllocation.current() - before : -1;
	}

	private static Throwable unwrap(Throwable failure) {
		if ((failure instanceof CompletionException || failure instanceof ExecutionException)
				&& failure.getCause() != null) {
			return failure.getCause();
		}
		return failure;
	}

	private Operation operation(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
				: method.getDeclaringClass();
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Operation operation = this.operations.get(key);
		if (operation == null) {
			operation = this.operations.computeIfAbsent(key, (k) -> resolve(method, targetClass));
		}
		return operation;
	}

	private static Operation resolve(Method method, Class<?> targetClass) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		LogPerformance annotation = AnnotatedElementUtils.findMergedAnnotation(specific, LogPerformance.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, LogPerformance.class);
		}
		return Operation.of(annotation, userClass, method);
	}

}
