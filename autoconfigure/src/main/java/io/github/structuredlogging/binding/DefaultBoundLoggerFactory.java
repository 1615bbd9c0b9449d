package io.github.structuredlogging.binding;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Names the logger after the bean's class and binds the bean's identity: its component (the bean name unless
 * {@link LogContext @LogContext} says otherwise) and, when known, its version.
 */
public class DefaultBoundLoggerFactory implements BoundLoggerFactory {

	private final String componentKey;

	private final String versionKey;

	private final String defaultVersion;

	/**
	 * Creates a factory.
	 * @param componentKey field name of the component
	 * @param versionKey field name of the version
	 * @param defaultVersion version of components whose {@code @LogContext} names none, or {@code null}
	 */
	public DefaultBoundLoggerFactory(String componentKey, String versionKey, String defaultVersion) {
		this.componentKey = componentKey;
		this.versionKey = versionKey;
		this.defaultVersion = defaultVersion;
	}

	@Override
	public BoundLogger create(String beanName, Class<?> beanClass) {
		LogContext context = AnnotatedElementUtils.findMergedAnnotation(beanClass, LogContext.class);
		String component = (context != null && StringUtils.hasText(context.component())) ? context.component()
				: beanName;
		String version = (context != null && StringUtils.hasText(context.version())) ? context.version()
				: this.defaultVersion;
		BoundLogger logger = BoundLogger.of(beanClass).bind(this.componentKey, component);
		return (version != null) ? logger.bind(this.versionKey, version) : logger;
	}

}
