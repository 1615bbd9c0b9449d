package io.github.structuredlogging.validation;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
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
		Bindable<T> target = Bindable.of(type);
		if (!binder.bind(prefix, target).isBound()) {
			return binder.bindOrCreate(prefix, target);
		}
		return binder.bindOrCreate(prefix, target, new ValidationBindHandler(validator()));
	}

	/**
	 * The shared validator used at bind time.
	 * @return the validator
	 */
	public static Validator validator() {
		return Holder.VALIDATOR;
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
