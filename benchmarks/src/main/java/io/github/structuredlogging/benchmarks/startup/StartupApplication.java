package io.github.structuredlogging.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application with Actuator, started by {@link StartupRun} with and without the starter on its class
 * path. Once ready it prints how long the JVM has been up, how much CPU the process has used, how many classes it
 * has loaded and how long its JIT compilers have worked, then exits.
 */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class StartupApplication {

	/** Prefix of the line {@link StartupRun} reads. */
	static final String READY = "startup-ready";

	@GetMapping("/orders/{id}")
	String order(String id) {
		return id;
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.addListeners((ApplicationReadyEvent event) -> report());
		ConfigurableApplicationContext context = application.run("--server.port=0",
				"--management.endpoints.web.exposure.include=health,info,metrics,loggers");
		System.exit(SpringApplication.exit(context));
	}

	private static void report() {
		long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long loadedClasses = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long compileMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
		System.out.printf(Locale.ROOT, "%n%s %d %d %d %d%n", READY, uptimeMillis, cpuNanos / 1_000_000,
				loadedClasses, compileMillis);
	}

}
