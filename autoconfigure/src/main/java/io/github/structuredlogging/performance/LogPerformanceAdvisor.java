package io.github.structuredlogging.performance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;

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

		LogPerformancePointcut() {
			setClassFilter(new AnnotatedClassFilter());
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

	/**
	 * Lets through only classes that carry the annotation somewhere in their hierarchy, on the class or on a
	 * method, so that the method matcher, which searches each method's hierarchy, runs for those alone and not for
	 * every method of every bean. Decided once per class.
	 */
	private static final class AnnotatedClassFilter implements ClassFilter {

		private final Map<Class<?>, Boolean> decisions = new ConcurrentReferenceHashMap<>();

		@Override
		public boolean matches(Class<?> type) {
			return this.decisions.computeIfAbsent(ClassUtils.getUserClass(type), AnnotatedClassFilter::isAnnotated);
		}

		private static boolean isAnnotated(Class<?> type) {
			if (!AnnotationUtils.isCandidateClass(type, LogPerformance.class)) {
				return false;
			}
			if (AnnotatedElementUtils.hasAnnotation(type, LogPerformance.class)) {
				return true;
			}
			Set<Class<?>> hierarchy = new LinkedHashSet<>();
			for (Class<?> current = type; current != null && current != Object.class;
					current = current.getSuperclass()) {
				hierarchy.add(current);
				hierarchy.addAll(ClassUtils.getAllInterfacesForClassAsSet(current));
			}
			for (Class<?> declaring : hierarchy) {
				for (Method method : ReflectionUtils.getDeclaredMethods(declaring)) {
					if (MergedAnnotations.from(method).isPresent(LogPerformance.class)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
