package io.github.structuredlogging.sample.warehouse;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks a third party for an item's delivery rating. Its host is outside the propagation allow list, so it receives
 * no correlation id, while the call still gets its exchange line here.
 */
@Component
public class PartnerRatingClient {

	private final RestClient restClient;

	private final String baseUrl;

	public PartnerRatingClient(RestClient.Builder restClient, @Value("${sample.partner.base-url:}") String baseUrl) {
		this.restClient = restClient.build();
		this.baseUrl = baseUrl;
	}

	public Optional<String> rating(String sku) {
		if (this.baseUrl.isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				this.restClient.get().uri(this.baseUrl + "/ratings/{sku}", sku).retrieve().body(String.class));
	}

}
