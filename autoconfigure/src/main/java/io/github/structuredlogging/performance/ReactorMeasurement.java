package io.github.structuredlogging.performance;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Measures a {@code Mono} or {@code Flux} from each subscription to its terminal signal. Kept apart from
 * {@link PerformanceInterceptor} so that Reactor is only loaded when present.
 */
final class ReactorMeasurement {

	private ReactorMeasurement() {
	}

	static boolean isMeasurable(Object result) {
		return result instanceof Mono<?> || result instanceof Flux<?>;
	}

	static Object measure(Object result, Operation operation, PerformanceRecorder recorder) {
		if (result instanceof Mono<?> mono) {
			return Mono.defer(() -> {
				long start = System.nanoTime();
				return mono
					.doOnSuccess((value) -> recorder.record(operation, Outcome.SUCCESS, System.nanoTime() - start,
							null, -1))
					.doOnError((failure) -> recorder.record(operation, Outcome.FAILURE, System.nanoTime() - start,
							failure, -1))
					.doOnCancel(() -> recorder.record(operation, Outcome.CANCELLED, System.nanoTime() - start, null,
							-1));
			});
		}
		Flux<?> flux = (Flux<?>) result;
		return Flux.defer(() -> {
			long start = System.nanoTime();
			return flux
				.doOnComplete(() -> recorder.record(operation, Outcome.SUCCESS, System.nanoTime() - start, null, -1))
				.doOnError((failure) -> recorder.record(operation, Outcome.FAILURE, System.nanoTime() - start, failure,
						-1))
				.doOnCancel(() -> recorder.record(operation, Outcome.CANCELLED, System.nanoTime() - start, null, -1));
		});
	}

}
