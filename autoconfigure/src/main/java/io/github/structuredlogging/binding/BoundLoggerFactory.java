package io.github.structuredlogging.binding;

/**
 * Creates the {@link BoundLogger} injected into a bean. Called once per injection point while the bean is created;
 * define a bean of this type to decide the name and bound identity yourself.
 */
@FunctionalInterface
public interface BoundLoggerFactory {

	/**
	 * Creates the logger of one bean.
	 * @param beanName the name of the bean receiving the logger
	 * @param beanClass the user class of that bean (never a proxy class)
	 * @return the logger
	 */
	BoundLogger create(String beanName, Class<?> beanClass);

}
