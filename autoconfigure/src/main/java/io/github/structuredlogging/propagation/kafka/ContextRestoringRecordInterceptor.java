package io.github.structuredlogging.propagation.kafka;

import java.nio.charset.StandardCharsets;

import io.github.structuredlogging.correlation.MdcScope;
import io.github.structuredlogging.correlation.RequestContext;
import io.github.structuredlogging.correlation.RequestContextResolver;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Gives every line a listener writes while handling one record the context the record carries, resolved like
 * that of an inbound HTTP request (the correlation header if valid, else the trace id of a {@code traceparent},
 * else the current span's, else a new id), and takes it off the consumer thread once the record is done. A record
 * is a unit of work like a request: each gets its own request id.
 */
public class ContextRestoringRecordInterceptor implements RecordInterceptor<Object, Object> {

	private final RequestContextResolver resolver;

	/** The scope of the record in progress; a listener container handles records one at a time per thread. */
	private final ThreadLocal<MdcScope> current = new ThreadLocal<>();

	public ContextRestoringRecordInterceptor(RequestContextResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		close();
		RequestContext context = this.resolver.resolve((name) -> lastValue(record, name));
		this.current.set(MdcScope.open(context.fields()));
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		close();
	}

	@Override
	public void clearThreadState(Consumer<?, ?> consumer) {
		close();
	}

	private void close() {
		MdcScope scope = this.current.get();
		if (scope != null) {
			this.current.remove();
			scope.close();
		}
	}

	private static String lastValue(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
				: null;
	}

}
