package io.github.structuredlogging.binding;

import java.lang.reflect.Constructor;

import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Answers every {@link BoundLogger} dependency with a logger made for the bean that asks for it, and leaves all other
 * dependencies to the resolver it decorates.
 * <p>
 * This is the one hook through which Spring passes the name of the requesting bean along with the injection point
 * (an {@code InjectionPoint}-based prototype bean only sees the declaring class), so two beans of one class, or two
 * {@code @Bean} methods of one configuration class, each get their own identity. Each logger is created in the
 * thread that creates its bean and shares nothing mutable with any other.
 */
final class BoundLoggerAutowireCandidateResolver implements AutowireCandidateResolver {

	private final AutowireCandidateResolver delegate;

	private final ConfigurableListableBeanFactory beanFactory;

	BoundLoggerAutowireCandidateResolver(AutowireCandidateResolver delegate,
			ConfigurableListableBeanFactory beanFactory) {
		this.delegate = delegate;
		this.beanFactory = beanFactory;
	}

	@Override
	public Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor, String beanName) {
		if (beanName != null && descriptor.getDependencyType() == BoundLogger.class) {
			// Looked up per injection rather than held, so the factory bean is created like any other bean, with
			// all post-processors applied, and a user's factory bean replaces the default one.
			return this.beanFactory.getBean(BoundLoggerFactory.class).create(beanName, beanClass(descriptor, beanName));
		}
		return this.delegate.getLazyResolutionProxyIfNecessary(descriptor, beanName);
	}

	private Class<?> beanClass(DependencyDescriptor descriptor, String beanName) {
		MethodParameter parameter = descriptor.getMethodParameter();
		if (parameter != null && parameter.getExecutable() instanceof Constructor<?> constructor) {
			return ClassUtils.getUserClass(constructor.getDeclaringClass());
		}
		// A field, a setter or a @Bean method parameter: the bean's own type, not the configuration class that
		// declares the @Bean method.
		Class<?> type = this.beanFactory.getType(beanName, false);
		if (type != null) {
			return ClassUtils.getUserClass(type);
		}
		return (descriptor.getField() != null) ? descriptor.getField().getDeclaringClass()
				: descriptor.getMethodParameter().getDeclaringClass();
	}

	@Override
	public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
		return this.delegate.isAutowireCandidate(holder, descriptor);
	}

	@Override
	public boolean isRequired(DependencyDescriptor descriptor) {
		return this.delegate.isRequired(descriptor);
	}

	@Override
	public boolean hasQualifier(DependencyDescriptor descriptor) {
		return this.delegate.hasQualifier(descriptor);
	}

	@Override
	public String getSuggestedName(DependencyDescriptor descriptor) {
		return this.delegate.getSuggestedName(descriptor);
	}

	@Override
	public Object getSuggestedValue(DependencyDescriptor descriptor) {
		return this.delegate.getSuggestedValue(descriptor);
	}

	@Override
	public Class<?> getLazyResolutionProxyClass(DependencyDescriptor descriptor, String beanName) {
		return this.delegate.getLazyResolutionProxyClass(descriptor, beanName);
	}

	@Override
	public AutowireCandidateResolver cloneIfNecessary() {
		return new BoundLoggerAutowireCandidateResolver(this.delegate.cloneIfNecessary(), this.beanFactory);
	}

}
