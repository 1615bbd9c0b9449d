package io.github.structuredlogging.validation;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a properties class outside the application context, validating it with the same Bean Validation
 * constraints as {@code @Validated} applies to the bean later on. Logging starts before any bean exists, so the
 * properties it reads would otherwise be used unchecked: an invalid value fails here with the same
 * {@link org.springframework.boot.context.properties.bind.validation.BindValidationException} Boot raises for beans,
 * and {@link InvalidConfigurationFailureAnalyzer} reports both alike.
 */
public final class ValidatedProperties {

	private ValidatedProperties() {
	}

	/**
	 * Binds and validates the properties under a prefix, or returns the defaults when none is set. The defaults are
	 * valid by construction (a test holds every class to it), so a prefix with nothing set does not make logging's
	 * start wait for Bean Validation to bootstrap.
	 * @param <T> the properties type
	 * @param binder the binder over the environment
	 * @param prefix the property prefix
	 * @param type the properties class, with a no-argument constructor
	 * @return the bound properties
	 */
	public static <T> T bind(Binder binder, String prefix, Class<T> type) {
		return binder.bindOrCreate(prefix, Bindable.of(type), new BoundValuesValidationHandler());
	}

	/**
	 * The shared validator used at bind time.
	 * @return the validator
	 */
	public static Validator validator() {
		return Holder.VALIDATOR;
	}

	/**
	 * Validates as Boot does for beans, but skips the defaults created when nothing under the prefix was bound: one
	 * pass over the property sources, where binding first to learn whether anything is set took two. Only the
	 * binder's top level creates defaults (nested properties are bound or left as they are).
	 */
	private static final class BoundValuesValidationHandler extends ValidationBindHandler {

		private boolean defaultsCreated;

		BoundValuesValidationHandler() {
			super(new DeferredValidator());
		}

		@Override
		public Object onCreate(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			if (context.getDepth() == 0) {
				this.defaultsCreated = true;
			}
			return super.onCreate(name, target, context, result);
		}

		@Override
		public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
				throws Exception {
			if (!this.defaultsCreated) {
				super.onFinish(name, target, context, result);
			}
		}

	}

	/**
	 * The shared validator, looked up only when a bound value is validated, so that creating the handler does not
	 * bootstrap Bean Validation.
	 */
	private static final class DeferredValidator implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return validator().supports(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			validator().validate(target, errors);
		}

	}

	/**
	 * Built on first use: bootstrapping Bean Validation costs tens of milliseconds that applications without an
	 * invalid property should only pay once. Expression Language is not needed for these messages, and may not be on
	 * the class path this early.
	 */
	private static final class Holder {

		private static final Validator VALIDATOR = create();

		private static Validator create() {
			ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
				.configure()
				.messageInterpolator(new ParameterMessageInterpolator())
				.buildValidatorFactory();
			return new SpringValidatorAdapter(factory.getValidator());
		}

	}

}
