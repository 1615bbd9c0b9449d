package io.github.structuredlogging.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.performance.LogPerformance;
import io.github.structuredlogging.performance.LogPerformanceAdvisor;
import io.github.structuredlogging.performance.PerformanceInterceptor;
import io.github.structuredlogging.performance.PerformanceMetrics;
import io.github.structuredlogging.performance.PerformanceRecorder;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/**
 * The same method called through a Spring AOP proxy advised by {@code @LogPerformance} and by Micrometer's
 * {@code @Timed} ({@link TimedAspect}), both recording a timer in the same registry. With {@code performanceLog=off}
 * the performance logger is off, so {@code @LogPerformance} writes no line and only times; with {@code info} it also
 * writes a JSON line (to a discarding stream). {@code direct} calls the unadvised method, for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogPerformanceBenchmark {

	@Param({ "off", "info" })
	public String performanceLog;

	private AnnotationConfigApplicationContext context;

	private MeasuredService measured;

	private TimedService timed;

	private final PlainService plain = new PlainService();

	private long input = 42;

	@Setup
	public void setUp() {
		DiscardingLogback.configure(Level.INFO)
			.getLogger("performance")
			.setLevel("off".equals(this.performanceLog) ? Level.OFF : Level.INFO);
		this.context = new AnnotationConfigApplicationContext(BenchmarkConfiguration.class);
		this.measured = this.context.getBean(MeasuredService.class);
		this.timed = this.context.getBean(TimedService.class);
		if (!AopUtils.isAopProxy(this.measured) || !AopUtils.isAopProxy(this.timed)) {
			throw new IllegalStateException("Both services must be called through Spring AOP proxies");
		}
	}

	@TearDown
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public long logPerformance() {
		return this.measured.work(this.input);
	}

	@Benchmark
	public long timed() {
		return this.timed.work(this.input);
	}

	@Benchmark
	public long direct() {
		return this.plain.work(this.input);
	}

	public static class PlainService {

		public long work(long value) {
			return value * 31 + 7;
		}

	}

	public static class MeasuredService {

		@LogPerformance("bench.work")
		public long work(long value) {
			return value * 31 + 7;
		}

	}

	public static class TimedService {

		@Timed("bench.timed")
		public long work(long value) {
			return value * 31 + 7;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class BenchmarkConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		TimedAspect timedAspect(MeterRegistry registry) {
			return new TimedAspect(registry);
		}

		@Bean
		static LogPerformanceAdvisor logPerformanceAdvisor(ObjectProvider<MeterRegistry> registry) {
			return new LogPerformanceAdvisor(new PerformanceInterceptor(() -> new PerformanceRecorder(
					LoggerFactory.getLogger("performance"), org.slf4j.event.Level.INFO, org.slf4j.event.Level.WARN,
					org.slf4j.event.Level.WARN, Duration.ofSeconds(1),
					List.of(new PerformanceMetrics(registry.getObject(), "bench.performance", new double[0], false)))));
		}

		@Bean
		MeasuredService measuredService() {
			return new MeasuredService();
		}

		@Bean
		TimedService timedService() {
			return new TimedService();
		}

	}

}
