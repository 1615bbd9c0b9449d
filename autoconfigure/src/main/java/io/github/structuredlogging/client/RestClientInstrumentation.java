package io.github.structuredlogging.client;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Adds one interceptor to every {@link RestClient} and {@link RestTemplate} the application gets from Spring: the
 * builders Boot hands out and the HTTP service groups (through Boot's customizers), and builder beans the
 * application defines itself (as a bean post-processor). Each path checks for the interceptor first, so a builder
 * reached by both carries it once.
 */
public class RestClientInstrumentation implements BeanPostProcessor, RestClientCustomizer, RestTemplateCustomizer {

	private final Supplier<ClientHttpRequestInterceptor> interceptor;

	/**
	 * Creates the instrumentation.
	 * @param interceptor supplies the interceptor when first needed, so that a post-processor does not create the
	 * beans it depends on before every post-processor is registered
	 */
	public RestClientInstrumentation(Supplier<ClientHttpRequestInterceptor> interceptor) {
		this.interceptor = SingletonSupplier.of(interceptor);
	}

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptors(this::addOnce);
	}

	@Override
	public void customize(RestTemplate restTemplate) {
		addOnce(restTemplate.getInterceptors());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RestClient.Builder builder) {
			customize(builder);
		}
		else if (bean instanceof RestTemplateBuilder builder) {
			return builder.additionalInterceptors(this.interceptor.get());
		}
		return bean;
	}

	private void addOnce(List<ClientHttpRequestInterceptor> interceptors) {
		ClientHttpRequestInterceptor added = this.interceptor.get();
		if (!interceptors.contains(added)) {
			interceptors.add(added);
		}
	}

}
