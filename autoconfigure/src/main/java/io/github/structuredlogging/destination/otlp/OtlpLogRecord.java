package io.github.structuredlogging.destination.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/**
 * One event as the OTLP exporter takes it, rebuilt from its spilled form ({@link OtlpRecordFrame}) with the
 * destination's resource. The scope is the event's logger, as OpenTelemetry's own Logback appender names it.
 *
 * @param resource the application's resource
 * @param scope the logger
 * @param timestampEpochNanos when the event happened
 * @param observedTimestampEpochNanos when the pipeline took it
 * @param spanContext the trace and span the event was logged in, or the invalid context
 * @param severity the severity number
 * @param severityText the level's name
 * @param message the message, masked and bounded
 * @param attributes the event's fields
 */
record OtlpLogRecord(Resource resource, InstrumentationScopeInfo scope, long timestampEpochNanos,
		long observedTimestampEpochNanos, SpanContext spanContext, Severity severity, String severityText,
		String message, Attributes attributes) implements LogRecordData {

	@Override
	public Resource getResource() {
		return this.resource;
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.scope;
	}

	@Override
	public long getTimestampEpochNanos() {
		return this.timestampEpochNanos;
	}

	@Override
	public long getObservedTimestampEpochNanos() {
		return this.observedTimestampEpochNanos;
	}

	@Override
	public SpanContext getSpanContext() {
		return this.spanContext;
	}

	@Override
	public Severity getSeverity() {
		return this.severity;
	}

	@Override
	public String getSeverityText() {
		return this.severityText;
	}

	@Override
	@Deprecated
	public Body getBody() {
		return (this.message != null) ? Body.string(this.message) : Body.empty();
	}

	@Override
	public Value<?> getBodyValue() {
		return (this.message != null) ? Value.of(this.message) : null;
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public int getTotalAttributeCount() {
		return this.attributes.size();
	}

}
