package io.github.structuredlogging.propagation;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingHeadersTests {

	private final OutgoingHeaders headers = new OutgoingHeaders(properties(List.of("localhost", "*.internal")),
			"X-Correlation-Id");

	@ParameterizedTest
	@CsvSource({ "http://localhost:8080/a, true", "http://LOCALHOST./a, true", "https://orders.internal/a, true",
			"https://a.b.internal:8443/a, true", "https://internal/a, false", "https://evilinternal/a, false",
			"https://orders.internal.evil.com/a, false", "https://api.partner.com/a, false",
			"http://127.0.0.1/a, false", "http://localhost.evil.com/a, false" })
	void onlyAllowedHostsReceiveTheId(String url, boolean allowed) {
		HttpHeaders sent = new HttpHeaders();

		this.headers.addTo(URI.create(url), "abc-123", sent);

		assertThat(sent.getFirst("X-Correlation-Id")).isEqualTo(allowed ? "abc-123" : null);
		assertThat(sent.containsHeader("traceparent")).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "6F1C2A9E-7B3D-4E5F-8A9B-0C1D2E3F4A5B, 6f1c2a9e7b3d4e5f8a9b0c1d2e3f4a5b",
			"4bf92f3577b34da6a3ce929d0e0e4736, 4bf92f3577b34da6a3ce929d0e0e4736" })
	void anIdShapedLikeATraceIdAlsoTravelsAsTraceparent(String correlationId, String traceId) {
		HttpHeaders sent = new HttpHeaders();

		this.headers.addTo(URI.create("http://localhost/a"), correlationId, sent);

		assertThat(sent.getFirst("traceparent")).matches("00-" + traceId + "-(?!0{16})[0-9a-f]{16}-00");
	}

	@ParameterizedTest
	@CsvSource({ "00000000-0000-0000-0000-000000000000", "4BF92F3577B34DA6A3CE929D0E0E4736",
			"4bf92f3577b34da6a3ce929d0e0e473", "order-77" })
	void noTraceparentIsMadeFromAnIdThatIsNotAValidTraceId(String correlationId) {
		HttpHeaders sent = new HttpHeaders();

		this.headers.addTo(URI.create("http://localhost/a"), correlationId, sent);

		assertThat(sent.getFirst("X-Correlation-Id")).isEqualTo(correlationId);
		assertThat(sent.containsHeader("traceparent")).isFalse();
	}

	@Test
	void aTraceparentATracerAlreadySetAndAnIdTheCallerSetAreKept() {
		HttpHeaders sent = new HttpHeaders();
		sent.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		sent.set("X-Correlation-Id", "chosen");

		this.headers.addTo(URI.create("http://localhost/a"), "6f1c2a9e-7b3d-4e5f-8a9b-0c1d2e3f4a5b", sent);

		assertThat(sent.getFirst("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(sent.get("X-Correlation-Id")).containsExactly("chosen");
	}

	@Test
	void nothingIsSentOutsideARequest() {
		HttpHeaders sent = new HttpHeaders();

		this.headers.addTo(URI.create("http://localhost/a"), null, sent);

		assertThat(sent.isEmpty()).isTrue();
	}

	private static PropagationProperties properties(List<String> hosts) {
		PropagationProperties properties = new PropagationProperties();
		properties.setAllowedHosts(hosts);
		return properties;
	}

}
