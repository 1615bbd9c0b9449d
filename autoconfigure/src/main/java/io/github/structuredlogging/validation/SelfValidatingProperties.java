package io.github.structuredlogging.validation;

import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ConcurrentReferenceHashMap.ReferenceType;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Base of the starter's {@code @ConfigurationProperties} beans, which Spring Boot validates as they are bound because
 * they are a {@link Validator}: with their Bean Validation constraints and the same validator {@code @Validated}
 * would give them (the context's message source and message interpolation), so an invalid value stops the start-up
 * with the same report.
 * <p>
 * Unlike {@code @Validated}, which makes Spring Boot build a Bean Validation factory for every such bean, this
 * validates only when something is set under the bean's prefix (the defaults are valid, as
 * {@code ValidatedPropertiesTests} holds), with one factory per application context, built on first use. An
 * application that sets none of the starter's properties does not bootstrap Bean Validation for them.
 */
public abstract class SelfValidatingProperties implements Validator, ApplicationContextAware {

	private static final Map<ApplicationContext, Validator> VALIDATORS = new ConcurrentReferenceHashMap<>(4,
			ReferenceType.WEAK);

	private ApplicationContext applicationContext;

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * Only the bean itself, as with {@code @Validated}: nested objects are validated through it ({@code @Valid}).
	 */
	@Override
	public boolean supports(Class<?> type) {
		return getClass().equals(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (this.applicationContext == null) {
			ContextFreeValidator.INSTANCE.validate(target, errors);
		}
		else if (isSet(validatedName(errors.getObjectName()))) {
			VALIDATORS.computeIfAbsent(this.applicationContext, SelfValidatingProperties::createValidator)
				.validate(target, errors);
		}
	}

	/**
	 * The name under which anything set calls for validation.
	 * @param prefix the prefix the bean is bound to
	 * @return the bean's prefix, unless it overrides this because that prefix also holds properties of others
	 */
	protected String validatedName(String prefix) {
		return prefix;
	}

	/**
	 * Whether any property source may hold a property under the bound name, the test by which Spring Boot's binder
	 * decides a bean is not bound at all.
	 */
	private boolean isSet(String name) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources
			.get(this.applicationContext.getEnvironment())) {
			if (source.containsDescendantOf(prefix) != ConfigurationPropertyState.ABSENT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * For a bean validated without an application context (one built by hand), built once, on first use.
	 */
	private static final class ContextFreeValidator {

		private static final Validator INSTANCE = createValidator(null);

	}

	/**
	 * As Spring Boot builds the validator of a {@code @Validated} bean.
	 */
	private static Validator createValidator(ApplicationContext applicationContext) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setApplicationContext(applicationContext);
		validator.setMessageInterpolator(new MessageInterpolatorFactory(applicationContext).getObject());
		validator.afterPropertiesSet();
		return validator;
	}

}
