package io.github.structuredlogging.propagation.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.destination.kafka.KraftBroker;
import io.github.structuredlogging.support.JsonLogLines;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server on a random port sends records to a real KRaft broker from inside its requests, and its own
 * {@code @KafkaListener} consumes them: the listener's lines must carry the sending request's correlation id, a
 * record sent outside any request must carry none (and its listener lines no stale one), a topic outside the allow
 * list must get no header, and the consumer thread must hold nothing of a record once it is done. One broker for
 * the whole class.
 */
@SpringBootTest(classes = KafkaPropagationTests.KafkaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.consumer.group-id=kafka-propagation-tests",
				"structured-logging.propagation.kafka.allowed-topics=orders,traced.*",
				"management.tracing.sampling.probability=1.0" })
@ExtendWith(OutputCaptureExtension.class)
class KafkaPropagationTests {

	@RegisterExtension
	static final KraftBroker broker = new KraftBroker();

	private static final Duration WAIT = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private Received received;

	@Autowired
	private KafkaTemplate<String, String> kafkaTemplate;

	@Test
	void aRecordSentInsideARequestIsHandledUnderThatRequestsCorrelationId(CapturedOutput output) throws Exception {
		send("orders", "order-1", "req-order-1");

		Handled handled = this.received.next("order-1");
		assertThat(handled.headers()).containsEntry("X-Correlation-Id", "req-order-1");
		List<JsonNode> lines = JsonLogLines.of(output).withField("correlation_id", "req-order-1");
		JsonNode sending = single(lines, "sending order-1");
		JsonNode listening = single(lines, "handling order-1");
		assertThat(listening.get("thread").asString()).isNotEqualTo(sending.get("thread").asString());
		assertThat(listening.get("request_id").asString()).isNotBlank()
			.isNotEqualTo(sending.get("request_id").asString());
		assertThat(handled.mdcInUserInterceptor()).containsEntry("correlation_id", "req-order-1");
		assertThat(handled.mdcAfterRecord()).doesNotContainKeys("correlation_id", "request_id");
	}

	@Test
	void aRecordSentOutsideAnyRequestCarriesNoIdAndItsListenerLinesNoStaleOne(CapturedOutput output)
			throws Exception {
		send("orders", "order-2", "req-order-2");
		assertThat(this.received.next("order-2").headers()).containsEntry("X-Correlation-Id", "req-order-2");
		MDC.clear();

		this.kafkaTemplate.send("orders", "order-3", "outside").get(30, TimeUnit.SECONDS);

		Handled handled = this.received.next("order-3");
		assertThat(handled.headers()).doesNotContainKeys("X-Correlation-Id", "traceparent");
		JsonNode listening = single(JsonLogLines.of(output).withMessage("handling order-3"), "handling order-3");
		String correlationId = listening.get("correlation_id").asString();
		assertThat(correlationId).isNotBlank().isNotEqualTo("req-order-2");
		assertThat(JsonLogLines.of(output).withField("correlation_id", correlationId)).hasSize(1);
		assertThat(handled.mdcAfterRecord()).doesNotContainKeys("correlation_id", "request_id");
	}

	@Test
	void aTopicOutsideTheAllowListGetsNoHeaderWhileAnAllowedOneDoes() throws Exception {
		send("partner.orders", "order-4", "req-order-4");
		send("orders", "order-5", "req-order-5");

		assertThat(this.received.next("order-4").headers()).doesNotContainKeys("X-Correlation-Id", "traceparent");
		assertThat(this.received.next("order-5").headers()).containsEntry("X-Correlation-Id", "req-order-5");
	}

	@Test
	void aUuidCorrelationIdAlsoTravelsAsTraceparentButATracedTemplateSendsOnlyItsOwn() throws Exception {
		String uuid = "6f1c2a9e-7b3d-4e5f-8a9b-0c1d2e3f4a5b";
		send("orders", "order-6", uuid);
		send("traced.orders", "order-7", uuid);

		Handled plain = this.received.next("order-6");
		assertThat(plain.traceparents()).singleElement()
			.asString()
			.matches("00-6f1c2a9e7b3d4e5f8a9b0c1d2e3f4a5b-[0-9a-f]{16}-00");
		Handled traced = this.received.next("order-7");
		assertThat(traced.headers()).containsEntry("X-Correlation-Id", uuid);
		assertThat(traced.traceparents()).singleElement().asString().doesNotContain("6f1c2a9e7b3d4e5f8a9b0c1d2e3f4a5b");
	}

	private void send(String topic, String key, String correlationId) {
		String answer = RestClient.create()
			.post()
			.uri("http://localhost:{port}/send/{topic}/{key}", this.port, topic, key)
			.header("X-Correlation-Id", correlationId)
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("sent " + key);
	}

	private static JsonNode single(List<JsonNode> lines, String message) {
		List<JsonNode> matching = lines.stream().filter((e) -> message.equals(e.get("message").asString())).toList();
		assertThat(matching).as(message).hasSize(1);
		return matching.get(0);
	}

	record Handled(Map<String, String> headers, List<String> traceparents, Map<String, String> mdcInUserInterceptor,
			Map<String, String> mdcAfterRecord) {

	}

	static class Received {

		private final BlockingQueue<Handled> handled = new LinkedBlockingQueue<>();

		private final Map<String, Map<String, String>> mdcInUserInterceptor = new HashMap<>();

		Handled next(String key) throws InterruptedException {
			long deadline = System.nanoTime() + WAIT.toNanos();
			List<Handled> others = new ArrayList<>();
			while (System.nanoTime() < deadline) {
				Handled next = this.handled.poll(1, TimeUnit.SECONDS);
				if (next != null && key.equals(next.headers().get("key"))) {
					this.handled.addAll(others);
					return next;
				}
				if (next != null) {
					others.add(next);
				}
			}
			throw new AssertionError("record " + key + " not handled within " + WAIT + "; others: " + others);
		}

	}

	/**
	 * The application's own record interceptor: Boot applies it, the starter's must be composed with it, and it
	 * sees what the consumer thread holds during and after each record.
	 */
	static class ObservingInterceptor implements RecordInterceptor<Object, Object> {

		private final Received received;

		ObservingInterceptor(Received received) {
			this.received = received;
		}

		@Override
		public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
				Consumer<Object, Object> consumer) {
			synchronized (this.received) {
				this.received.mdcInUserInterceptor.put((String) record.key(), mdc());
			}
			return record;
		}

		@Override
		public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
			Map<String, String> headers = new HashMap<>();
			List<String> traceparents = new ArrayList<>();
			for (Header header : record.headers()) {
				String value = new String(header.value(), StandardCharsets.UTF_8);
				headers.put(header.key(), value);
				if ("traceparent".equals(header.key())) {
					traceparents.add(value);
				}
			}
			headers.put("key", (String) record.key());
			Map<String, String> during;
			synchronized (this.received) {
				during = this.received.mdcInUserInterceptor.remove((String) record.key());
			}
			this.received.handled.add(new Handled(headers, traceparents, during, mdc()));
		}

		private static Map<String, String> mdc() {
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			return (mdc != null) ? mdc : Map.of();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ SendingController.class, OrderListener.class })
	static class KafkaApplication {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		ObservingInterceptor observingInterceptor(Received received) {
			return new ObservingInterceptor(received);
		}

		/**
		 * A second template whose Micrometer observation (with the application's observation registry, which
		 * Brave's tracing feeds) writes the tracer's own traceparent.
		 */
		@Bean
		KafkaTemplate<String, String> tracedTemplate(ProducerFactory<String, String> producerFactory) {
			KafkaTemplate<String, String> template = new KafkaTemplate<>(producerFactory);
			template.setObservationEnabled(true);
			return template;
		}

		@Bean
		KafkaTemplate<String, String> kafkaTemplate(ProducerFactory<String, String> producerFactory) {
			return new KafkaTemplate<>(producerFactory);
		}

		@Bean
		NewTopic orders() {
			return TopicBuilder.name("orders").partitions(1).replicas(1).build();
		}

		@Bean
		NewTopic partnerOrders() {
			return TopicBuilder.name("partner.orders").partitions(1).replicas(1).build();
		}

		@Bean
		NewTopic tracedOrders() {
			return TopicBuilder.name("traced.orders").partitions(1).replicas(1).build();
		}

	}

	@RestController
	static class SendingController {

		private static final Logger log = LoggerFactory.getLogger(SendingController.class);

		private final KafkaTemplate<String, String> plain;

		private final KafkaTemplate<String, String> traced;

		SendingController(KafkaTemplate<String, String> kafkaTemplate,
				KafkaTemplate<String, String> tracedTemplate) {
			this.plain = kafkaTemplate;
			this.traced = tracedTemplate;
		}

		@PostMapping("/send/{topic}/{key}")
		String send(@PathVariable String topic, @PathVariable String key) throws Exception {
			log.info("sending {}", key);
			KafkaTemplate<String, String> template = topic.startsWith("traced.") ? this.traced : this.plain;
			template.send(topic, key, "payload of " + key).get(30, TimeUnit.SECONDS);
			return "sent " + key;
		}

	}

	static class OrderListener {

		private static final Logger log = LoggerFactory.getLogger(OrderListener.class);

		@KafkaListener(topics = { "orders", "partner.orders", "traced.orders" })
		void handle(ConsumerRecord<String, String> record) {
			log.info("handling {}", record.key());
		}

	}

}
