package io.github.structuredlogging.event;

import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EventAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(EventAutoConfiguration.class, BusinessEventMetricsAutoConfiguration.class));

	@Test
	void writesToTheBusinessLoggerByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(BusinessEventLogger.class).getLoggerName())
			.isEqualTo("business"));
	}

	@Test
	void writesToTheConfiguredLogger() {
		this.runner.withPropertyValues("structured-logging.events.logger-name=audit.business")
			.run((context) -> assertThat(context.getBean(BusinessEventLogger.class).getLoggerName())
				.isEqualTo("audit.business"));
	}

	@Test
	void backsOffWhenTheUserDefinesTheLogger() {
		BusinessEventLogger own = new BusinessEventLogger(LoggerFactory.getLogger("mine"), "kind", List.of());
		this.runner.withBean(BusinessEventLogger.class, () -> own)
			.run((context) -> assertThat(context).getBean(BusinessEventLogger.class).isSameAs(own));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("structured-logging.events.enabled=false")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).doesNotHaveBean(BusinessEventLogger.class)
				.doesNotHaveBean(BusinessEventMetrics.class));
	}

	@Test
	void countsEventsByTypeWhenThereIsAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			BusinessEventLogger events = context.getBean(BusinessEventLogger.class);
			events.event("order_placed").with("order_id", "o-1").log();
			events.event("order_placed").with("order_id", "o-2").log();
			events.log(new OrderShipped("o-1"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("logging.business.events").tag("type", "order_placed").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("logging.business.events").tag("type", "order_shipped").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void countsEventsEvenWhenTheBusinessLoggerIsOff() {
		Logger business = (Logger) LoggerFactory.getLogger("business");
		Level level = business.getLevel();
		business.setLevel(Level.OFF);
		try {
			this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
				context.getBean(BusinessEventLogger.class).log(new OrderShipped("o-3"));
				assertThat(context.getBean(MeterRegistry.class)
					.get("logging.business.events")
					.tag("type", "order_shipped")
					.counter()
					.count()).isEqualTo(1);
			});
		}
		finally {
			business.setLevel(level);
		}
	}

	@Test
	void countsTypesBeyondTheCapAsOther() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("structured-logging.events.metrics.max-types=2")
			.run((context) -> {
				BusinessEventLogger events = context.getBean(BusinessEventLogger.class);
				for (String type : List.of("a", "b", "c", "d", "a", "c")) {
					events.event(type).log();
				}
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("logging.business.events").counters()).hasSize(3);
				assertThat(registry.get("logging.business.events").tag("type", "a").counter().count()).isEqualTo(2);
				assertThat(registry.get("logging.business.events").tag("type", "b").counter().count()).isEqualTo(1);
				assertThat(registry.get("logging.business.events").tag("type", "other").counter().count())
					.isEqualTo(3);
			});
	}

	@Test
	void tagsOnlyAllowedTypes() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("structured-logging.events.metrics.allowed-types=order_placed")
			.run((context) -> {
				BusinessEventLogger events = context.getBean(BusinessEventLogger.class);
				events.event("order_placed").log();
				events.event("user_42_clicked").log();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("logging.business.events").counters()).hasSize(2);
				assertThat(registry.get("logging.business.events").tag("type", "other").counter().count())
					.isEqualTo(1);
			});
	}

	@Test
	void needsAMeterRegistryToCount() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BusinessEventLogger.class)
			.doesNotHaveBean(BusinessEventMetrics.class));
	}

	@Test
	void metricsBackOffWhenTheUserDefinesThem() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("myMetrics", BusinessEventMetrics.class,
					() -> new BusinessEventMetrics(new SimpleMeterRegistry(), Set.of(), 1))
			.run((context) -> assertThat(context).getBeanNames(BusinessEventMetrics.class)
				.containsExactly("myMetrics"));
	}

	@Test
	void metricsCanBeDisabled() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("structured-logging.events.metrics.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(BusinessEventLogger.class)
				.doesNotHaveBean(BusinessEventMetrics.class));
	}

	record OrderShipped(String orderId) {
	}

}
