package io.github.structuredlogging.binding;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class BindingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BindingAutoConfiguration.class));

	@Test
	void givesEachBeanOfOneClassItsOwnIdentity() {
		this.runner.withBean("payments", Gateway.class).withBean("refunds", Gateway.class).run((context) -> {
			assertThat(context.getBean("payments", Gateway.class).log.boundPairs())
				.containsExactly(entry("component", "payments"));
			assertThat(context.getBean("refunds", Gateway.class).log.boundPairs())
				.containsExactly(entry("component", "refunds"));
			assertThat(context.getBean("payments", Gateway.class).log.getName()).isEqualTo(Gateway.class.getName());
		});
	}

	@Test
	void namesBeanMethodLoggersAfterTheBeanNotTheConfiguration() {
		this.runner.withUserConfiguration(TwoGatewaysConfiguration.class).run((context) -> {
			BoundLogger primary = context.getBean("primaryGateway", Gateway.class).log;
			assertThat(primary.getName()).isEqualTo(Gateway.class.getName());
			assertThat(primary.boundPairs()).containsExactly(entry("component", "primaryGateway"));
			assertThat(context.getBean("backupGateway", Gateway.class).log.boundPairs())
				.containsExactly(entry("component", "backupGateway"));
		});
	}

	@Test
	void injectsFieldsToo() {
		this.runner.withBean("ledger", Ledger.class).run((context) -> {
			BoundLogger log = context.getBean(Ledger.class).log;
			assertThat(log.getName()).isEqualTo(Ledger.class.getName());
			assertThat(log.boundPairs()).containsExactly(entry("component", "ledger"));
		});
	}

	@Test
	void takesComponentAndVersionFromLogContext() {
		this.runner.withBean("billingService", Billing.class).run((context) -> assertThat(
				context.getBean(Billing.class).log.boundPairs())
			.containsExactly(entry("component", "billing"), entry("version", "3.0.0")));
	}

	@Test
	void bindsTheBuildVersionWhenTheApplicationHasOne() {
		this.runner.withBean(BuildProperties.class, () -> new BuildProperties(buildInfo("2.4.1")))
			.withBean("payments", Gateway.class)
			.withBean("audit", Audit.class)
			.run((context) -> {
				assertThat(context.getBean(Gateway.class).log.boundPairs())
					.containsExactly(entry("component", "payments"), entry("version", "2.4.1"));
				assertThat(context.getBean(Audit.class).log.boundPairs()).containsEntry("component", "audit-trail")
					.containsEntry("version", "2.4.1");
			});
	}

	@Test
	void leavesTheBuildVersionOutWhenToldTo() {
		this.runner.withPropertyValues("structured-logging.binding.use-build-version=false")
			.withBean(BuildProperties.class, () -> new BuildProperties(buildInfo("2.4.1")))
			.withBean("payments", Gateway.class)
			.run((context) -> assertThat(context.getBean(Gateway.class).log.boundPairs())
				.containsExactly(entry("component", "payments")));
	}

	@Test
	void usesTheConfiguredFieldNames() {
		this.runner
			.withPropertyValues("structured-logging.binding.component-key=bean",
					"structured-logging.binding.version-key=release")
			.withBean("billingService", Billing.class)
			.run((context) -> assertThat(context.getBean(Billing.class).log.boundPairs())
				.containsExactly(entry("bean", "billing"), entry("release", "3.0.0")));
	}

	@Test
	void backsOffWhenTheUserDefinesTheFactory() {
		this.runner.withBean(BoundLoggerFactory.class,
				() -> (name, type) -> BoundLogger.of(type).bind("owner", "team-" + name))
			.withBean("payments", Gateway.class)
			.run((context) -> {
				assertThat(context).getBean(BoundLoggerFactory.class).isNotInstanceOf(DefaultBoundLoggerFactory.class);
				assertThat(context.getBean(Gateway.class).log.boundPairs())
					.containsExactly(entry("owner", "team-payments"));
			});
	}

	@Test
	void backsOffWhenTheUserDefinesTheInjection() {
		this.runner.withBean(BoundLoggerInjection.class, CustomInjection::new)
			.run((context) -> assertThat(context).getBean(BoundLoggerInjection.class)
				.isInstanceOf(CustomInjection.class));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("structured-logging.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BoundLoggerFactory.class)
				.doesNotHaveBean(BoundLoggerInjection.class));
	}

	private static Properties buildInfo(String version) {
		Properties properties = new Properties();
		properties.setProperty("version", version);
		return properties;
	}

	static class Gateway {

		final BoundLogger log;

		Gateway(BoundLogger log) {
			this.log = log;
		}

	}

	static class Ledger {

		@Autowired
		BoundLogger log;

	}

	@LogContext(component = "billing", version = "3.0.0")
	static class Billing {

		final BoundLogger log;

		Billing(BoundLogger log) {
			this.log = log;
		}

	}

	@LogContext(component = "audit-trail")
	static class Audit {

		final BoundLogger log;

		Audit(BoundLogger log) {
			this.log = log;
		}

	}

	static class CustomInjection extends BoundLoggerInjection {

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoGatewaysConfiguration {

		@Bean
		Gateway primaryGateway(BoundLogger log) {
			return new Gateway(log);
		}

		@Bean
		Gateway backupGateway(BoundLogger log) {
			return new Gateway(log);
		}

	}

}
