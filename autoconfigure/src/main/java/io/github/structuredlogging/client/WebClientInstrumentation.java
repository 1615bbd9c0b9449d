package io.github.structuredlogging.client;

import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Adds one filter to every {@link WebClient} the application gets from Spring: the builder Boot hands out and the
 * HTTP service groups (through Boot's customizer), and builder beans the application defines itself (as a bean
 * post-processor). Each path checks for the filter first, so a builder reached by both carries it once.
 */
public class WebClientInstrumentation implements BeanPostProcessor, WebClientCustomizer {

	private final Supplier<ExchangeFilterFunction> filter;

	/**
	 * Creates the instrumentation.
	 * @param filter supplies the filter when first needed, so that a post-processor does not create the beans it
	 * depends on before every post-processor is registered
	 */
	public WebClientInstrumentation(Supplier<ExchangeFilterFunction> filter) {
		this.filter = SingletonSupplier.of(filter);
	}

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filters((filters) -> {
			ExchangeFilterFunction added = this.filter.get();
			if (!filters.contains(added)) {
				filters.add(added);
			}
		});
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof WebClient.Builder builder) {
			customize(builder);
		}
		return bean;
	}

}
