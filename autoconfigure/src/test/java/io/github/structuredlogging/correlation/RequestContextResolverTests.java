package io.github.structuredlogging.correlation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextResolverTests {

	private final RequestContextResolver resolver = new RequestContextResolver(new CorrelationProperties(),
			CorrelationIdGenerator.randomUuid());

	@Test
	void takesTheInboundCorrelationId() {
		RequestContext context = resolve(Map.of("X-Correlation-Id", "abc-123"));

		assertThat(context.correlationId()).isEqualTo("abc-123");
		assertThat(context.fields()).containsEntry("correlation_id", "abc-123").containsKey("request_id")
			.doesNotContainKey("rejected_headers");
	}

	@Test
	void generatesAnIdWhenNoneArrives() {
		RequestContext first = resolve(Map.of());
		RequestContext second = resolve(Map.of());

		assertThat(first.correlationId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
		assertThat(first.fields().get("request_id")).isNotEqualTo(first.correlationId());
	}

	@Test
	void takesTheTraceIdOfAW3cTraceparentWhenTheCorrelationHeaderIsAbsent() {
		RequestContext context = resolve(
				Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

		assertThat(context.correlationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void prefersTheCorrelationHeaderOverTraceparent() {
		RequestContext context = resolve(Map.of("X-Correlation-Id", "abc-123", "traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

		assertThat(context.correlationId()).isEqualTo("abc-123");
	}

	@Test
	void ignoresMalformedTraceparents() {
		for (String traceparent : new String[] { "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
				"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
				"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-4bf92f35-01", "" }) {
			assertThat(resolve(Map.of("traceparent", traceparent)).correlationId()).isNotIn(traceparent,
					"4bf92f3577b34da6a3ce929d0e0e4736", "00000000000000000000000000000000");
		}
	}

	@Test
	void replacesAnOverlongCorrelationIdAndSaysWhy() {
		String huge = "a".repeat(10 * 1024);

		RequestContext context = resolve(Map.of("X-Correlation-Id", huge));

		assertThat(context.correlationId()).isNotEqualTo(huge).hasSizeLessThan(64);
		assertThat(context.fields()).containsEntry("rejected_headers", "X-Correlation-Id:too_long");
		assertThat(context.fields().values()).noneMatch((value) -> value.contains(huge));
	}

	@Test
	void replacesACorrelationIdThatCouldInjectALogLine() {
		String hostile = "abc\r\n{\"level\":\"ERROR\"}";

		RequestContext context = resolve(Map.of("X-Correlation-Id", hostile));

		assertThat(context.correlationId()).doesNotContain("\n", "\r", "ERROR");
		assertThat(context.fields()).containsEntry("rejected_headers", "X-Correlation-Id:unsafe_characters");
	}

	@Test
	void acceptsAValueOfExactlyTheMaximumLength() {
		String longest = "a".repeat(128);

		assertThat(resolve(Map.of("X-Correlation-Id", longest)).correlationId()).isEqualTo(longest);
		assertThat(resolve(Map.of("X-Correlation-Id", longest + "a")).correlationId()).isNotEqualTo(longest + "a");
	}

	@Test
	void copiesValidExtraHeadersAndDropsInvalidOnes() {
		RequestContext context = resolve(Map.of("X-User-Id", "user-42", "X-Client-Id", "mobile app\u0000"));

		assertThat(context.fields()).containsEntry("user_id", "user-42").doesNotContainKey("client_id")
			.containsEntry("rejected_headers", "X-Client-Id:unsafe_characters");
	}

	@Test
	void honoursConfiguredHeaderNamesAndKeys() {
		CorrelationProperties properties = new CorrelationProperties();
		properties.setHeaderName("X-Request-Trace");
		properties.setCorrelationIdKey("trace");
		properties.getHeaders().put("X-Tenant", "tenant");
		properties.getHeaders().put("X-Session-Id", "");
		RequestContextResolver custom = new RequestContextResolver(properties, () -> "generated");

		RequestContext context = custom.resolve(
				Map.of("X-Request-Trace", "t-1", "X-Tenant", "acme", "X-Session-Id", "s-1")::get);

		assertThat(context.fields()).containsEntry("trace", "t-1").containsEntry("tenant", "acme")
			.containsEntry("request_id", "generated").doesNotContainKey("session_id");
		assertThat(custom.keys()).contains("trace", "tenant", "request_id").doesNotContain("session_id", "");
	}

	@Test
	void writesTheSessionIdAsAStableKeyedFingerprint() {
		String session = "9F2B6C1D4E8A7F3B5C0D2E6A";
		RequestContext first = resolve(Map.of("X-Session-Id", session, "X-User-Id", "user-42"));
		RequestContext second = resolve(Map.of("X-Session-Id", session));
		RequestContext other = resolve(Map.of("X-Session-Id", session + "0"));

		String fingerprint = first.fields().get("session_id");
		assertThat(fingerprint).matches("[0-9a-f]{16}").isEqualTo(second.fields().get("session_id"))
			.isNotEqualTo(other.fields().get("session_id"));
		assertThat(first.fields().toString()).doesNotContain(session.substring(0, 6));
		assertThat(first.fields()).containsEntry("user_id", "user-42");
	}

	@Test
	void fingerprintsWithTheConfiguredKeyAcrossInstancesAndWritesRawValuesOnlyWhenAskedTo() {
		CorrelationProperties keyed = new CorrelationProperties();
		keyed.setFingerprintKey("a-key-shared-by-every-instance");
		String session = "s-1234567890";
		String onOne = new RequestContextResolver(keyed, () -> "id").resolve(Map.of("X-Session-Id", session)::get)
			.fields().get("session_id");
		String onAnother = new RequestContextResolver(keyed, () -> "id")
			.resolve(Map.of("X-Session-Id", session)::get).fields().get("session_id");
		String unkeyed = resolve(Map.of("X-Session-Id", session)).fields().get("session_id");
		CorrelationProperties raw = new CorrelationProperties();
		raw.setFingerprintedHeaders(List.of());

		assertThat(onOne).isEqualTo(onAnother).isNotEqualTo(unkeyed).isNotEqualTo(session);
		assertThat(new RequestContextResolver(raw, () -> "id").resolve(Map.of("X-Session-Id", session)::get)
			.fields()).containsEntry("session_id", session);
	}

	private RequestContext resolve(Map<String, String> headers) {
		Map<String, String> copy = new HashMap<>(headers);
		return this.resolver.resolve(copy::get);
	}

}
