package io.github.structuredlogging.binding;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Lets beans declare a {@link BoundLogger} constructor parameter, {@code @Autowired} field or {@code @Bean} method
 * parameter, by decorating the bean factory's autowire candidate resolver once its configuration is known and before
 * any application bean is created.
 */
public class BoundLoggerInjection implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof DefaultListableBeanFactory listable
				&& !(listable.getAutowireCandidateResolver() instanceof BoundLoggerAutowireCandidateResolver)) {
			listable.setAutowireCandidateResolver(
					new BoundLoggerAutowireCandidateResolver(listable.getAutowireCandidateResolver(), beanFactory));
		}
	}

}
