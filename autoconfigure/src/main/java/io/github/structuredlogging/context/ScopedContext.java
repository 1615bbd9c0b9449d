package io.github.structuredlogging.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.github.structuredlogging.correlation.MdcScope;

import org.springframework.util.Assert;

/**
 * Puts objects into the context of every line written inside a block, by any logger: the starter's JSON formats
 * write each as a nested field next to the key/values, masked and bounded like them.
 * <pre>{@code
 * try (ScopedContext.Scope scope = ScopedContext.with("order", order).and("tenant", tenant).open()) {
 *     log.info("Order accepted"); // {"message":"Order accepted","order":{"id":42,...},"tenant":"acme",...}
 * }
 * ScopedContext.with("order", order).run(() -> service.place(order));
 * }</pre>
 * <p>
 * A value is rendered once, when {@link #with} is called: lines show the object as it was then, masked
 * ({@link io.github.structuredlogging.masking.Sensitive @Sensitive} properties and sensitive field names at any
 * depth) and cut to the limits. The rendered JSON lives in the MDC under {@value #MDC_PREFIX} and the key, so it
 * reaches wherever the request context goes: {@code @Async} methods and Spring's task executors (through the
 * starter's {@code TaskDecorator}), and Reactor operators on other threads (through Micrometer context-propagation;
 * for a chain that is subscribed after the block ends, add {@link Builder#contextWrite()} to it). Closing a scope
 * puts back the values it replaced, so nested scopes restore the outer value, also when the block throws.
 */
public final class ScopedContext {

	/** Prefix of the MDC entries that hold a scoped value as JSON. */
	public static final String MDC_PREFIX = "ctx:";

	private ScopedContext() {
	}

	/**
	 * Starts a context with one value.
	 * @param key the field name
	 * @param value the value: a bean, record, map, collection or scalar; {@code null} writes a JSON null
	 * @return a builder for more values or for opening the scope
	 */
	public static Builder with(String key, Object value) {
		return new Builder(Map.of()).and(key, value);
	}

	/**
	 * Starts a context with the given values, in the map's iteration order.
	 * @param values the values by field name
	 * @return a builder for more values or for opening the scope
	 */
	public static Builder with(Map<String, ?> values) {
		Builder builder = new Builder(Map.of());
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			builder = builder.and(entry.getKey(), entry.getValue());
		}
		return builder;
	}

	/**
	 * The scoped values of the current thread, as the JSON each is written as.
	 * @return the rendered values by field name, empty outside any scope
	 */
	public static Map<String, String> current() {
		Map<String, String> entries = ScopedContextAccessor.currentEntries();
		if (entries == null) {
			return Map.of();
		}
		Map<String, String> current = new LinkedHashMap<>();
		entries.forEach((key, json) -> current.put(key.substring(MDC_PREFIX.length()), json));
		return Collections.unmodifiableMap(current);
	}

	/**
	 * Values ready to be put into the context of a block; immutable, so one builder can open many scopes.
	 */
	public static final class Builder {

		private final Map<String, String> entries;

		private Builder(Map<String, String> entries) {
			this.entries = entries;
		}

		/**
		 * Adds a value; a key given before gets the new value.
		 * @param key the field name
		 * @param value the value; {@code null} writes a JSON null
		 * @return a new builder, this one is unchanged
		 */
		public Builder and(String key, Object value) {
			Assert.hasText(key, "'key' must not be empty");
			Map<String, String> entries = new LinkedHashMap<>(this.entries);
			entries.put(MDC_PREFIX + key, ScopedValueRenderer.current().render(key, value));
			return new Builder(Collections.unmodifiableMap(entries));
		}

		/**
		 * Puts the values into the current thread's context until the scope is closed.
		 * @return the scope, to close in a {@code try}-with-resources block
		 */
		public Scope open() {
			return MdcScope.open(this.entries)::close;
		}

		/**
		 * Runs a task with the values in its context.
		 * @param task the task
		 */
		public void run(Runnable task) {
			try (Scope scope = open()) {
				task.run();
			}
		}

		/**
		 * Calls a task with the values in its context.
		 * @param <T> the type of the result
		 * @param task the task
		 * @return what the task returned
		 * @throws Exception what the task threw
		 */
		public <T> T call(Callable<T> task) throws Exception {
			try (Scope scope = open()) {
				return task.call();
			}
		}

		/**
		 * For a Reactor chain that runs after the block that built it has ended: put it in
		 * {@code contextWrite(...)} and the chain's operators see these values and those open where this method
		 * was called, on whatever thread they run.
		 * @return the function to pass to {@code Mono.contextWrite} or {@code Flux.contextWrite}
		 */
		public Function<reactor.util.context.Context, reactor.util.context.Context> contextWrite() {
			Map<String, String> open = ScopedContextAccessor.currentEntries();
			Map<String, String> entries = this.entries;
			return (context) -> {
				Map<String, String> merged = new LinkedHashMap<>(
						context.getOrDefault(ScopedContextAccessor.KEY, (open != null) ? open : Map.of()));
				merged.putAll(entries);
				return context.put(ScopedContextAccessor.KEY, Collections.unmodifiableMap(merged));
			};
		}

	}

	/**
	 * The values of an open scope; closing it puts back what it replaced.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
