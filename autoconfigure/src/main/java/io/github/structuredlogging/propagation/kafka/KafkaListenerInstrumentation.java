package io.github.structuredlogging.propagation.kafka;

import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Adds {@link ContextRestoringRecordInterceptor} to every listener container factory once it is configured: Boot's
 * (after its configurer applied the application's {@code RecordInterceptor} bean) and the application's own. An
 * interceptor already set is kept and runs after ours, so its lines carry the record's context too. Boot only applies
 * a {@code RecordInterceptor} bean when it is the only one, which is why ours is not a bean.
 */
public class KafkaListenerInstrumentation implements BeanPostProcessor {

	private final Supplier<ContextRestoringRecordInterceptor> interceptor;

	/**
	 * Creates the instrumentation.
	 * @param interceptor supplies the interceptor when first needed, so that a post-processor does not create the
	 * beans it depends on before every post-processor is registered
	 */
	public KafkaListenerInstrumentation(Supplier<ContextRestoringRecordInterceptor> interceptor) {
		this.interceptor = SingletonSupplier.of(interceptor);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractKafkaListenerContainerFactory factory) {
			RecordInterceptor<Object, Object> existing = factory.getRecordInterceptor();
			RecordInterceptor<Object, Object> ours = this.interceptor.get();
			if (existing == null) {
				factory.setRecordInterceptor(ours);
			}
			else if (existing != ours) {
				factory.setRecordInterceptor(new CompositeRecordInterceptor<>(ours, existing));
			}
		}
		return bean;
	}

}
