package io.github.structuredlogging.performance;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PerformanceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, PerformanceAutoConfiguration.class,
				PerformanceMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(Inventory.class)
		.withBean(Catalog.class);

	@Test
	void timesAnnotatedMethodsPerOperationOutcomeAndException() {
		this.runner.run((context) -> {
			Inventory inventory = context.getBean(Inventory.class);
			assertThat(AopUtils.isAopProxy(inventory)).isTrue();
			inventory.reserve("sku-1");
			inventory.reserve("sku-2");
			assertThatIllegalStateException().isThrownBy(() -> inventory.reserve(null));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer success = registry.get("logging.performance")
				.tags("operation", "Inventory.reserve", "outcome", "success", "exception", "none")
				.timer();
			assertThat(success.count()).isEqualTo(2);
			assertThat(registry.get("logging.performance")
				.tags("operation", "Inventory.reserve", "outcome", "failure", "exception", "IllegalStateException")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void namesOperationsAsTheAnnotationSays() {
		this.runner.run((context) -> {
			context.getBean(Inventory.class).release("sku-1");
			assertThat(context.getBean(MeterRegistry.class)
				.get("logging.performance")
				.tag("operation", "inventory.release")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void measuresEveryPublicMethodOfAnAnnotatedClassAndNothingElse() {
		this.runner.run((context) -> {
			Catalog catalog = context.getBean(Catalog.class);
			catalog.find("sku-1");
			catalog.count();
			catalog.internal();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("logging.performance").timers())
				.extracting((timer) -> timer.getId().getTag("operation"))
				.containsExactlyInAnyOrder("Catalog.find", "Catalog.count");
			assertThat(AopUtils.isAopProxy(context.getBean(Inventory.class))).isTrue();
		});
	}

	@Test
	void timesMethodsAnnotatedOnAnInterfaceOrASuperclassAndLeavesOtherBeansUnproxied() {
		this.runner.withBean(Courier.class).withBean(Warehouse.class).withBean(Ledger.class).run((context) -> {
			context.getBean(Dispatch.class).send("parcel-1");
			context.getBean(Warehouse.class).store("item-1");
			assertThat(context.getBean(MeterRegistry.class).get("logging.performance").timers())
				.extracting((timer) -> timer.getId().getTag("operation"))
				.containsExactlyInAnyOrder("dispatch.send", "warehouse.store");
			assertThat(AopUtils.isAopProxy(context.getBean(Ledger.class))).isFalse();
		});
	}

	@Test
	void publishesConfiguredPercentiles() {
		this.runner.withPropertyValues("structured-logging.performance.metrics.percentiles=0.5,0.99")
			.run((context) -> {
				context.getBean(Inventory.class).reserve("sku-1");
				Timer timer = context.getBean(MeterRegistry.class).get("logging.performance").timer();
				assertThat(timer.takeSnapshot().percentileValues()).hasSize(2);
			});
	}

	@Test
	void backsOffWhenTheUserDefinesTheRecorder() {
		PerformanceRecorder own = new PerformanceRecorder(LoggerFactory.getLogger("mine"), Level.DEBUG, Level.INFO,
				Level.ERROR, Duration.ofMillis(10), List.of());
		this.runner.withBean(PerformanceRecorder.class, () -> own).run((context) -> {
			assertThat(context).getBean(PerformanceRecorder.class).isSameAs(own);
			context.getBean(Inventory.class).reserve("sku-1");
			assertThat(context.getBean(MeterRegistry.class).find("logging.performance").timer()).isNull();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheAdvisor() {
		PerformanceRecorder quiet = new PerformanceRecorder(LoggerFactory.getLogger("mine"), null, null, null,
				Duration.ofSeconds(1), List.of());
		LogPerformanceAdvisor own = new LogPerformanceAdvisor(new PerformanceInterceptor(() -> quiet));
		this.runner.withBean(LogPerformanceAdvisor.class, () -> own).run((context) -> {
			assertThat(context).getBean(LogPerformanceAdvisor.class).isSameAs(own);
			context.getBean(Inventory.class).reserve("sku-1");
			assertThat(context.getBean(MeterRegistry.class).find("logging.performance").timer()).isNull();
		});
	}

	@Test
	void metricsBackOffWhenTheUserDefinesThem() {
		this.runner.withBean("myMetrics", PerformanceMetrics.class,
				() -> new PerformanceMetrics(new SimpleMeterRegistry(), "mine", new double[0], false))
			.run((context) -> assertThat(context).getBeanNames(PerformanceMetrics.class)
				.containsExactly("myMetrics"));
	}

	@Test
	void metricsCanBeDisabled() {
		this.runner.withPropertyValues("structured-logging.performance.metrics.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(LogPerformanceAdvisor.class).doesNotHaveBean(PerformanceMetrics.class);
			context.getBean(Inventory.class).reserve("sku-1");
			assertThat(context.getBean(MeterRegistry.class).find("logging.performance").timer()).isNull();
		});
	}

	@Test
	void needsAMeterRegistryToTime() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, PerformanceAutoConfiguration.class,
					PerformanceMetricsAutoConfiguration.class))
			.withBean(Inventory.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(LogPerformanceAdvisor.class)
					.doesNotHaveBean(PerformanceMetrics.class);
				assertThat(context.getBean(Inventory.class).reserve("sku-1")).isEqualTo("reserved sku-1");
			});
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("structured-logging.performance.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LogPerformanceAdvisor.class)
				.doesNotHaveBean(PerformanceRecorder.class)
				.doesNotHaveBean(PerformanceMetrics.class);
			assertThat(AopUtils.isAopProxy(context.getBean(Inventory.class))).isFalse();
		});
	}

	static class Inventory {

		@LogPerformance
		public String reserve(String sku) {
			if (sku == null) {
				throw new IllegalStateException("no sku");
			}
			return "reserved " + sku;
		}

		@LogPerformance("inventory.release")
		public void release(String sku) {
		}

	}

	@LogPerformance
	static class Catalog {

		public String find(String sku) {
			return sku;
		}

		public int count() {
			return 1;
		}

		String internal() {
			return "not measured";
		}

	}

	interface Dispatch {

		@LogPerformance("dispatch.send")
		String send(String parcel);

	}

	static class Courier implements Dispatch {

		@Override
		public String send(String parcel) {
			return parcel;
		}

	}

	static class Storage {

		@LogPerformance("warehouse.store")
		public String store(String item) {
			return item;
		}

	}

	static class Warehouse extends Storage {

	}

	static class Ledger {

		public String note(String entry) {
			return entry;
		}

	}

}
