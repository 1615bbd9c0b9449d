package io.github.structuredlogging.performance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Applies the {@link PerformanceInterceptor} to methods annotated with {@link LogPerformance @LogPerformance} and to
 * the public methods of annotated classes.
 * <p>
 * An advisor rather than an {@code @Aspect}: Spring's auto-proxy creators pick it up with or without AspectJ on the
 * class path, and its pointcut is decided once per method when the proxy is built.
 */
public class LogPerformanceAdvisor extends AbstractPointcutAdvisor {

	private final PerformanceInterceptor interceptor;

	private final Pointcut pointcut = new LogPerformancePointcut();

	public LogPerformanceAdvisor(PerformanceInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class LogPerformancePointcut extends StaticMethodMatcherPointcut {

		private static final ClassFilter ANNOTATED = (type) -> AnnotationUtils.isCandidateClass(type,
				LogPerformance.class);

		LogPerformancePointcut() {
			setClassFilter(ANNOTATED);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			Class<?> userClass = ClassUtils.getUserClass(targetClass);
			Method specific = AopUtils.getMostSpecificMethod(method, userClass);
			if (AnnotatedElementUtils.hasAnnotation(specific, LogPerformance.class)) {
				return true;
			}
			return Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class
					&& AnnotatedElementUtils.hasAnnotation(userClass, LogPerformance.class);
		}

	}

}
