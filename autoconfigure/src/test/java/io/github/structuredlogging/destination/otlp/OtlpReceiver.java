package io.github.structuredlogging.destination.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * An OTLP/HTTP logs endpoint on a loopback port: decodes every request with the protocol's own protobuf messages
 * and keeps them. It can answer 503 (a collector shedding load) or stop listening and come back on the same port.
 */
final class OtlpReceiver implements AutoCloseable {

	static final String PATH = "/v1/logs";

	private final List<ExportLogsServiceRequest> requests = new CopyOnWriteArrayList<>();

	private final List<String> contentEncodings = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile boolean unavailable;

	private int port;

	private HttpServer server;

	OtlpReceiver start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 0);
		this.server.createContext(PATH, this::handle);
		this.server.start();
		this.port = this.server.getAddress().getPort();
		return this;
	}

	/**
	 * Stops listening; {@link #start()} listens again on the same port.
	 */
	void stop() {
		this.server.stop(0);
	}

	void setUnavailable(boolean unavailable) {
		this.unavailable = unavailable;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port + PATH;
	}

	List<ExportLogsServiceRequest> requests() {
		return this.requests;
	}

	List<String> contentEncodings() {
		return this.contentEncodings;
	}

	List<String> authorizations() {
		return this.authorizations;
	}

	/**
	 * Every record received, with the resource and scope it came under.
	 * @return the records in arrival order
	 */
	List<Received> records() {
		List<Received> records = new ArrayList<>();
		for (ExportLogsServiceRequest request : this.requests) {
			for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
				for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
					for (LogRecord record : scopeLogs.getLogRecordsList()) {
						records.add(new Received(resourceLogs, scopeLogs, record));
					}
				}
			}
		}
		return records;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			try (InputStream in = "gzip".equals(encoding) ? new GZIPInputStream(exchange.getRequestBody())
					: exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (this.unavailable || !"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(this.unavailable ? 503 : 405, -1);
				return;
			}
			ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
			this.contentEncodings.add(String.valueOf(encoding));
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			this.requests.add(request);
			byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			exchange.getResponseBody().write(response);
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	record Received(ResourceLogs resourceLogs, ScopeLogs scopeLogs, LogRecord record) {

		AnyValue attribute(String key) {
			return this.record.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map(KeyValue::getValue)
				.findFirst()
				.orElse(null);
		}

		String text(String key) {
			AnyValue value = attribute(key);
			return (value != null) ? value.getStringValue() : null;
		}

		String resourceAttribute(String key) {
			return this.resourceLogs.getResource()
				.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

	}

}
