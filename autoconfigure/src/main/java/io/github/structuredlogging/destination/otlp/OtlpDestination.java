package io.github.structuredlogging.destination.otlp;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.destination.DeliveryBatch;
import io.github.structuredlogging.destination.LogDestination;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Ships events as OTLP log records through an OpenTelemetry SDK {@link LogRecordExporter} (OTLP/HTTP with protobuf
 * as the factory builds it). The exporter is used without the SDK's {@code LoggerProvider} and
 * {@code BatchLogRecordProcessor}: the pipeline already batches, bounds, retries and spills, and a second queue
 * inside the SDK would hold events the pipeline believes delivered. An application's own OpenTelemetry
 * {@code LoggerProvider}, if it has one, is left alone.
 * <p>
 * Each event is framed on the writer thread into its own record ({@link OtlpRecordFrame}), so that a spilled event
 * is replayed after a restart with nothing but its bytes; the records of a batch are rebuilt and exported in one
 * request, and the request's outcome is the batch's: the collector takes the request whole or not at all.
 */
public class OtlpDestination implements LogDestination {

	/** Loggers of the OpenTelemetry SDK, whose events (a failed export) are never shipped through OTLP. */
	static final String CLIENT_LOGGERS = "io.opentelemetry.";

	private final LogRecordExporter exporter;

	private final Resource resource;

	private final OtlpRecordMapper mapper;

	private volatile boolean lastExportSucceeded;

	OtlpDestination(LogRecordExporter exporter, Resource resource, OtlpRecordMapper mapper) {
		this.exporter = exporter;
		this.resource = resource;
		this.mapper = mapper;
	}

	/**
	 * Refuses the OpenTelemetry SDK's own events: a failed export logs a warning, which shipped through the
	 * exporter that is failing would feed back.
	 */
	@Override
	public boolean accepts(ILoggingEvent event) {
		return !event.getLoggerName().startsWith(CLIENT_LOGGERS);
	}

	/**
	 * Builds the record from the event itself; {@code formatted} is not used, since OTLP carries the fields as
	 * attributes rather than a rendered line.
	 */
	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return this.mapper.frame(event);
	}

	@Override
	public void send(DeliveryBatch batch) {
		List<LogRecordData> records = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			records.add(OtlpRecordFrame.read(batch.record(i), this.resource));
		}
		CompletableResultCode result = this.exporter.export(records);
		result.whenComplete(() -> {
			this.lastExportSucceeded = result.isSuccess();
			batch.completed(result.isSuccess() ? batch.size() : 0, result.isSuccess() ? null : failure(result));
		});
	}

	private static Throwable failure(CompletableResultCode result) {
		return (result.getFailureThrowable() != null) ? result.getFailureThrowable()
				: new IllegalStateException("The OTLP endpoint refused the export");
	}

	/**
	 * Whether the last export was accepted: OTLP/HTTP holds no connection the pipeline could watch.
	 */
	@Override
	public boolean isConnected() {
		return this.lastExportSucceeded;
	}

	/**
	 * Shuts the exporter down without waiting: every batch it was handed has been reported or counted as failed.
	 */
	@Override
	public void close() {
		this.exporter.shutdown();
	}

}
