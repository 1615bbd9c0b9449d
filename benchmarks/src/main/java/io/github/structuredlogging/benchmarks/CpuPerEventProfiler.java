package io.github.structuredlogging.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation across every Java thread of the benchmark JVM: the benchmark's callers and whatever
 * threads the code under test runs (a writer thread). Unlike wall-clock time this hardly moves when other processes
 * compete for the cores, so it can carry a target on a shared machine. JIT and GC threads are not Java threads and
 * are not counted; garbage shows in {@code -prof gc} instead.
 * <p>
 * A benchmark whose work continues after its callers return must wait for it in an iteration-level tear-down,
 * which runs before {@link #afterIteration}. Use: {@code -prof io.github.structuredlogging.benchmarks.CpuPerEventProfiler}.
 * Reports {@code cpu.total} (all threads) and {@code cpu.callers} (JMH's worker threads), in ns per operation.
 */
public class CpuPerEventProfiler implements InternalProfiler {

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private Map<Long, Long> before = Map.of();

	private Map<Long, Boolean> callers = Map.of();

	@Override
	public String getDescription() {
		return "CPU time per operation across all Java threads (callers and writers)";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.before = cpuByThread();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		Map<Long, Long> after = cpuByThread();
		long total = 0;
		long callers = 0;
		for (Map.Entry<Long, Long> entry : after.entrySet()) {
			long spent = entry.getValue() - this.before.getOrDefault(entry.getKey(), 0L);
			total += spent;
			if (this.callers.getOrDefault(entry.getKey(), false)) {
				callers += spent;
			}
		}
		double ops = result.getMetadata().getAllOps();
		return List.of(new ScalarResult("cpu.total", total / ops, "ns/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.callers", callers / ops, "ns/op", AggregationPolicy.AVG));
	}

	private Map<Long, Long> cpuByThread() {
		long[] ids = this.threads.getAllThreadIds();
		long[] cpu = this.threads.getThreadCpuTime(ids);
		Map<Long, Long> byThread = new HashMap<>();
		Map<Long, Boolean> workers = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (cpu[i] >= 0) {
				byThread.put(ids[i], cpu[i]);
			}
		}
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			workers.put(thread.getId(), thread.getName().contains("jmh-worker"));
		}
		this.callers = workers;
		return byThread;
	}

}
