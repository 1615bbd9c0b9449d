package io.github.structuredlogging.propagation.kafka;

import java.util.List;
import java.util.Map;

import io.github.structuredlogging.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.propagation.PropagationAutoConfiguration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaPropagationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class,
				PropagationAutoConfiguration.class, KafkaPropagationAutoConfiguration.class,
				KafkaAutoConfiguration.class));

	@Test
	void bootsProducerFactoryGetsTheInterceptorAfterTheApplicationsOwnAndTheHeaderPolicy() {
		this.runner.withPropertyValues("spring.kafka.producer.properties.interceptor.classes=com.example.First, "
				+ "com.example.Second").run((context) -> {
					Map<String, Object> configs = context.getBean(DefaultKafkaProducerFactory.class)
						.getConfigurationProperties();
					assertThat(configs.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG)).isEqualTo(List.of(
							"com.example.First", "com.example.Second",
							ContextPropagatingProducerInterceptor.class.getName()));
					assertThat(configs.get(ContextPropagatingProducerInterceptor.HEADERS_CONFIG))
						.isSameAs(context.getBean(RecordContextHeaders.class));
				});
	}

	@Test
	void bootsListenerFactoryRestoresTheContextAlone() {
		this.runner.run((context) -> assertThat(
				context.getBean(ConcurrentKafkaListenerContainerFactory.class).getRecordInterceptor())
			.isInstanceOf(ContextRestoringRecordInterceptor.class));
	}

	@Test
	void anInterceptorTheApplicationSetIsKeptAndRunsAfterOurs() {
		this.runner.withUserConfiguration(OwnInterceptor.class).run((context) -> {
			RecordInterceptor<Object, Object> set = context.getBean(ConcurrentKafkaListenerContainerFactory.class)
				.getRecordInterceptor();
			assertThat(set).isInstanceOf(CompositeRecordInterceptor.class);
			assertThat(set).extracting("delegates")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
				.hasSize(2)
				.first()
				.isInstanceOf(ContextRestoringRecordInterceptor.class);
			assertThat(set).extracting("delegates")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
				.last()
				.isSameAs(context.getBean("ownInterceptor"));
		});
	}

	@Test
	void canBeSwitchedOffForKafkaAlone() {
		this.runner.withPropertyValues("structured-logging.propagation.kafka.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RecordContextHeaders.class)
				.doesNotHaveBean(KafkaListenerInstrumentation.class);
			assertThat(context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
				.doesNotContainKey(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
			assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getRecordInterceptor())
				.isNull();
		});
	}

	@Test
	void anApplicationThatExcludesCorrelationStartsWithKafkaAsBootConfiguresIt() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropagationAutoConfiguration.class,
					KafkaPropagationAutoConfiguration.class, KafkaAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(RecordContextHeaders.class)
					.doesNotHaveBean(KafkaListenerInstrumentation.class);
				assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getRecordInterceptor())
					.isNull();
			});
	}

	@Test
	void backsOffFromTheApplicationsOwnHeaderPolicy() {
		this.runner.withUserConfiguration(OwnHeaders.class)
			.run((context) -> assertThat(context.getBean(RecordContextHeaders.class))
				.isSameAs(context.getBean("ownHeaders")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnInterceptor {

		@Bean
		RecordInterceptor<Object, Object> ownInterceptor() {
			return (record, consumer) -> record;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHeaders {

		@Bean
		RecordContextHeaders ownHeaders(io.github.structuredlogging.propagation.OutgoingHeaders headers) {
			return new RecordContextHeaders(headers, "mine", List.of("mine"));
		}

	}

}
