package io.github.structuredlogging.sample.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether an item can be ordered: asks the warehouse (over HTTP) and reserves a unit and, when one is configured, a partner's rating.
 */
@RestController
public class AvailabilityController {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityController.class);

	private final WarehouseClient warehouse;

	private final PartnerRatingClient partner;

	public AvailabilityController(WarehouseClient warehouse, PartnerRatingClient partner) {
		this.warehouse = warehouse;
		this.partner = partner;
	}

	@GetMapping("/api/availability/{sku}")
	public Availability availability(@PathVariable String sku) {
		StockLevel stock = this.warehouse.stock(sku);
		this.warehouse.reserve(sku);
		String rating = this.partner.rating(sku).orElse(null);
		log.atInfo().addKeyValue("sku", sku).addKeyValue("available", stock.available()).log("Availability answered");
		return new Availability(sku, stock.available(), rating);
	}

	/**
	 * The answer.
	 *
	 * @param sku the item
	 * @param available the units on hand
	 * @param rating the partner's delivery rating, or {@code null}
	 */
	public record Availability(String sku, int available, String rating) {

	}

}
