package io.github.structuredlogging.format;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the starter's own formats (json, logfmt, csv). The formats Spring Boot also writes (ecs, logstash,
 * gelf) follow Boot's {@code logging.structured.*} instead.
 */
@ConfigurationProperties(prefix = FormatProperties.PREFIX)
public class FormatProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.format";

	/**
	 * Field holding the trace id (put into the MDC as traceId by Micrometer Tracing) in the json, logfmt and csv
	 * formats. ECS writes it as trace.id; Boot's logstash and gelf formats keep traceId.
	 */
	@NotBlank
	private String traceIdField = "trace_id";

	/**
	 * Field holding the span id (put into the MDC as spanId by Micrometer Tracing) in the json, logfmt and csv
	 * formats. ECS writes it as span.id; Boot's logstash and gelf formats keep spanId.
	 */
	@NotBlank
	private String spanIdField = "span_id";

	/**
	 * Settings of the csv format.
	 */
	@Valid
	private final Csv csv = new Csv();

	public String getTraceIdField() {
		return this.traceIdField;
	}

	public void setTraceIdField(String traceIdField) {
		this.traceIdField = traceIdField;
	}

	public String getSpanIdField() {
		return this.spanIdField;
	}

	public void setSpanIdField(String spanIdField) {
		this.spanIdField = spanIdField;
	}

	public Csv getCsv() {
		return this.csv;
	}

	/**
	 * Settings of the csv format.
	 */
	public static class Csv {

		/**
		 * Columns of every row, in order, also written as the header line at the start of each file: timestamp,
		 * level, logger, thread, service, message, exception_type, exception_message, stack_trace, or the name of
		 * an MDC entry or key/value. A column an event lacks is left empty.
		 */
		@NotEmpty
		private List<@NotBlank String> columns = new ArrayList<>(List.of("timestamp", "level", "logger", "thread",
				"correlation_id", "trace_id", "span_id", "message", "exception_type", "exception_message",
				"stack_trace"));

		public List<String> getColumns() {
			return this.columns;
		}

		public void setColumns(List<String> columns) {
			this.columns = columns;
		}

	}

}
