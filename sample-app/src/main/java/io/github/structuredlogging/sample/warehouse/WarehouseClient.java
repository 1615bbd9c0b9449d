package io.github.structuredlogging.sample.warehouse;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls the warehouse service: a lookup through {@link RestClient}, a reservation through {@link WebClient}. Both
 * come from the builders Spring Boot hands out, so the correlation id travels with each call and each call gets its
 * exchange line, without any code here.
 */
@Component
public class WarehouseClient {

	private final RestClient restClient;

	private final WebClient webClient;

	private final Environment environment;

	public WarehouseClient(RestClient.Builder restClient, WebClient.Builder webClient, Environment environment) {
		this.restClient = restClient.build();
		this.webClient = webClient.build();
		this.environment = environment;
	}

	public StockLevel stock(String sku) {
		return this.restClient.get().uri(baseUrl() + "/warehouse/stock/{sku}", sku).retrieve().body(StockLevel.class);
	}

	public void reserve(String sku) {
		this.webClient.post().uri(baseUrl() + "/warehouse/reservations/{sku}", sku).retrieve().toBodilessEntity().block();
	}

	/**
	 * The configured warehouse, else this application itself (its port is known only once the server runs).
	 */
	private String baseUrl() {
		return this.environment.getProperty("sample.warehouse.base-url",
				"http://localhost:" + this.environment.getProperty("local.server.port"));
	}

}
