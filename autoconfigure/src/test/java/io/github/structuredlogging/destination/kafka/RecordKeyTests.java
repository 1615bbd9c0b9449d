package io.github.structuredlogging.destination.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordKeyTests {

	private final LoggerContext context = new LoggerContext();

	@Test
	void correlationIdKeyIsReadFromTheConfiguredMdcKey() {
		LoggingEvent event = event(Map.of("corr", "req-7", "correlation_id", "other"));
		assertThat(RecordKey.CORRELATION_ID.selector("corr", "svc").apply(event))
			.isEqualTo("req-7".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void eventsWithoutACorrelationIdGetNoKey() {
		assertThat(RecordKey.CORRELATION_ID.selector("corr", "svc").apply(event(Map.of()))).isNull();
		assertThat(RecordKey.CORRELATION_ID.selector("corr", "svc").apply(event(Map.of("corr", "")))).isNull();
	}

	@Test
	void serviceNameKeyIsTheSameForEveryEvent() {
		assertThat(RecordKey.SERVICE_NAME.selector("corr", "orders").apply(event(Map.of("corr", "req-7"))))
			.isEqualTo("orders".getBytes(StandardCharsets.UTF_8));
		assertThat(RecordKey.SERVICE_NAME.selector("corr", null).apply(event(Map.of()))).isNull();
	}

	@Test
	void noneGivesNoKey() {
		assertThat(RecordKey.NONE.selector("corr", "orders").apply(event(Map.of("corr", "req-7")))).isNull();
	}

	private LoggingEvent event(Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent("fqcn", this.context.getLogger("test"), Level.INFO, "m", null, null);
		event.setMDCPropertyMap(mdc);
		return event;
	}

}
