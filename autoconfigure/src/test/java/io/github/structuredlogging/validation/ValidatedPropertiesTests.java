package io.github.structuredlogging.validation;

import java.util.List;
import java.util.Map;

import io.github.structuredlogging.async.AsyncProperties;
import io.github.structuredlogging.destination.DestinationsProperties;
import io.github.structuredlogging.limits.LimitsProperties;
import io.github.structuredlogging.masking.MaskingProperties;
import io.github.structuredlogging.output.OutputProperties;
import io.github.structuredlogging.sampling.SamplingProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ValidatedProperties} skips Bean Validation when nothing is set under a prefix, which is only right if
 * every class it binds while logging starts has valid defaults: held here, class by class.
 */
class ValidatedPropertiesTests {

	static List<Class<?>> boundWhileLoggingStarts() {
		return List.of(OutputProperties.class, LimitsProperties.class, MaskingProperties.class,
				AsyncProperties.class, DestinationsProperties.class, SamplingProperties.class);
	}

	@ParameterizedTest
	@MethodSource("boundWhileLoggingStarts")
	void defaultsPassValidation(Class<?> type) throws Exception {
		Object defaults = type.getDeclaredConstructor().newInstance();
		Errors errors = new BeanPropertyBindingResult(defaults, type.getSimpleName());
		ValidatedProperties.validator().validate(defaults, errors);
		assertThat(errors.getAllErrors()).isEmpty();
	}

	@Test
	void anInvalidDefaultWouldBeSeen() {
		LimitsProperties limits = new LimitsProperties();
		limits.setMaxKeyValueCount(-1);
		Errors errors = new BeanPropertyBindingResult(limits, "limits");
		ValidatedProperties.validator().validate(limits, errors);
		assertThat(errors.getFieldErrors()).extracting("field").containsExactly("maxKeyValueCount");
	}

	@Test
	void anInvalidValueThatIsSetStillFailsBinding() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of(LimitsProperties.PREFIX + ".max-key-value-count", "-1")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> ValidatedProperties.bind(binder, LimitsProperties.PREFIX, LimitsProperties.class));
	}

	@Test
	void nothingSetGivesTheDefaults() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("other.value", "1")));
		LimitsProperties limits = ValidatedProperties.bind(binder, LimitsProperties.PREFIX, LimitsProperties.class);
		assertThat(limits.getMaxKeyValueCount()).isEqualTo(new LimitsProperties().getMaxKeyValueCount());
	}

	@Test
	void aValidValueThatIsSetIsBound() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of(LimitsProperties.PREFIX + ".max-key-value-count", "7")));
		LimitsProperties limits = ValidatedProperties.bind(binder, LimitsProperties.PREFIX, LimitsProperties.class);
		assertThat(limits.getMaxKeyValueCount()).isEqualTo(7);
	}

	@Test
	void aKeyUnderThePrefixThatBindsNothingGivesTheDefaults() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of(LimitsProperties.PREFIX + ".no-such-setting", "1")));
		LimitsProperties limits = ValidatedProperties.bind(binder, LimitsProperties.PREFIX, LimitsProperties.class);
		assertThat(limits.getMaxKeyValueCount()).isEqualTo(new LimitsProperties().getMaxKeyValueCount());
	}

}
