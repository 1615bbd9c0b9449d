package io.github.structuredlogging.validation;

import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.limits.LimitsProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SelfValidatingProperties} validates a bean only when something is set under its prefix: an invalid value
 * on the instance shows which of the two happened.
 */
class SelfValidatingPropertiesTests {

	@Test
	void validatesWhenAPropertyIsSetUnderThePrefix() {
		LimitsProperties limits = invalidLimits("structured-logging.limits.max-message-length=100");
		assertThat(validate(limits, LimitsProperties.PREFIX).getFieldErrors()).extracting("field")
			.containsExactly("maxKeyValueCount");
	}

	@Test
	void skipsValidationWhenNothingIsSetUnderThePrefix() {
		LimitsProperties limits = invalidLimits("structured-logging.masking.enabled=false");
		assertThat(validate(limits, LimitsProperties.PREFIX).hasErrors()).isFalse();
	}

	@Test
	void validatesEveryCallWithoutAnApplicationContext() {
		LimitsProperties valid = new LimitsProperties();
		assertThat(validate(valid, LimitsProperties.PREFIX).hasErrors()).as("the defaults").isFalse();
		for (int i = 0; i < 2; i++) {
			LimitsProperties limits = new LimitsProperties();
			limits.setMaxKeyValueCount(-1);
			assertThat(validate(limits, LimitsProperties.PREFIX).getFieldErrors()).as("call %d", i)
				.extracting("field")
				.containsExactly("maxKeyValueCount");
		}
	}

	@Test
	void destinationsAreValidatedForADestinationAloneNotForTheRootPrefixesOtherSettings() {
		assertThat(validatedName(DestinationsProperties.PREFIX)).isEqualTo("structured-logging.destinations");
	}

	private static LimitsProperties invalidLimits(String property) {
		GenericApplicationContext context = new GenericApplicationContext();
		TestPropertyValues.of(property).applyTo(context);
		context.refresh();
		LimitsProperties limits = new LimitsProperties();
		limits.setApplicationContext(context);
		limits.setMaxKeyValueCount(-1);
		return limits;
	}

	private static Errors validate(Object properties, String prefix) {
		Errors errors = new BeanPropertyBindingResult(properties, prefix);
		((SelfValidatingProperties) properties).validate(properties, errors);
		return errors;
	}

	private static String validatedName(String prefix) {
		SelfValidatingProperties destinations = new DestinationsProperties();
		return destinations.validatedName(prefix);
	}

}
