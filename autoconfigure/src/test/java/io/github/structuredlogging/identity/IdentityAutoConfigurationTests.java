package io.github.structuredlogging.identity;

import io.github.structuredlogging.identity.IdentityProperties.PrincipalForm;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class));

	@Test
	void theServletFilterRunsRightAfterSpringSecuritysWhereverThatIs() {
		this.servlet.run((context) -> assertThat(registration(context.getBean(FilterRegistrationBean.class)))
			.isEqualTo(-99));
		this.servlet.withPropertyValues("spring.security.filter.order=7")
			.run((context) -> assertThat(registration(context.getBean(FilterRegistrationBean.class))).isEqualTo(8));
	}

	@Test
	void theWebFilterRunsRightAfterSpringSecuritysChain() {
		this.reactive.run((context) -> {
			assertThat(context.getBean(PrincipalWebFilter.class).getOrder()).isEqualTo(-99);
			assertThat(context).hasSingleBean(PrincipalAccessor.class);
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.servlet.withPropertyValues("structured-logging.identity.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PrincipalNames.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnNames() {
		this.servlet.withBean("ownNames", PrincipalNames.class, () -> new PrincipalNames(PrincipalForm.RAW, null))
			.run((context) -> assertThat(context.getBean(PrincipalNames.class))
				.isSameAs(context.getBean("ownNames")));
	}

	@Test
	void aFingerprintKeyShorterThan16CharactersIsRefused() {
		this.servlet
			.withPropertyValues("structured-logging.identity.principal-form=hashed",
					"structured-logging.identity.fingerprint-key=short")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fingerprint"));
	}

	private static int registration(FilterRegistrationBean<?> registration) {
		assertThat(registration.getFilter()).isInstanceOf(PrincipalServletFilter.class);
		return registration.getOrder();
	}

}
