package io.github.structuredlogging.propagation.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.util.StringUtils;

/**
 * Adds {@link ContextPropagatingProducerInterceptor} to the interceptors of Boot's producer factory, after those the
 * application configured ({@code spring.kafka.producer.properties.interceptor.classes}), and hands it the header
 * policy through the producer configuration.
 */
public class ContextPropagatingProducerFactoryCustomizer implements DefaultKafkaProducerFactoryCustomizer {

	private final RecordContextHeaders headers;

	public ContextPropagatingProducerFactoryCustomizer(RecordContextHeaders headers) {
		this.headers = headers;
	}

	@Override
	public void customize(DefaultKafkaProducerFactory<?, ?> producerFactory) {
		List<String> interceptors = classNames(
				producerFactory.getConfigurationProperties().get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG));
		String ours = ContextPropagatingProducerInterceptor.class.getName();
		if (!interceptors.contains(ours)) {
			interceptors.add(ours);
		}
		producerFactory.updateConfigs(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, interceptors,
				ContextPropagatingProducerInterceptor.HEADERS_CONFIG, this.headers));
	}

	/**
	 * The interceptor classes already configured, given as Kafka accepts them: a comma-separated string, a class,
	 * or a list of either.
	 */
	private static List<String> classNames(Object configured) {
		List<String> names = new ArrayList<>();
		if (configured instanceof Collection<?> values) {
			values.forEach((value) -> names.addAll(classNames(value)));
		}
		else if (configured instanceof Class<?> type) {
			names.add(type.getName());
		}
		else if (configured != null) {
			for (String name : StringUtils.commaDelimitedListToStringArray(configured.toString())) {
				if (!name.isBlank()) {
					names.add(name.trim());
				}
			}
		}
		return names;
	}

}
