package io.github.structuredlogging.correlation;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class MdcTaskDecoratorTests {

	private final MdcTaskDecorator decorator = new MdcTaskDecorator();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void shutdown() {
		this.worker.shutdownNow();
		MDC.clear();
	}

	@Test
	void carriesTheSubmittersMdcToTheWorker() throws Exception {
		MDC.put("correlation_id", "abc-123");
		AtomicReference<String> seen = new AtomicReference<>();

		Runnable task = this.decorator.decorate(() -> seen.set(MDC.get("correlation_id")));
		MDC.clear();
		this.worker.submit(task).get();

		assertThat(seen).hasValue("abc-123");
	}

	@Test
	void givesTheWorkerItsOwnMdcBackAfterTheTask() throws Exception {
		this.worker.submit(() -> MDC.put("worker", "own")).get();
		MDC.put("correlation_id", "abc-123");

		this.worker.submit(this.decorator.decorate(() -> MDC.put("written_by_task", "x"))).get();
		Future<Map<String, String>> after = this.worker.submit(MDC::getCopyOfContextMap);

		assertThat(after.get()).containsExactlyEntriesOf(Map.of("worker", "own"));
	}

	@Test
	void leavesNoContextOnTheWorkerWhenTheSubmitterHadNone() throws Exception {
		this.worker.submit(this.decorator.decorate(() -> MDC.put("leak", "x"))).get();

		assertThat(this.worker.submit(() -> MDC.get("leak")).get()).isNull();
	}

}
