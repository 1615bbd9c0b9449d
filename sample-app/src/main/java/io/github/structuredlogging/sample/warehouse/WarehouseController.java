package io.github.structuredlogging.sample.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The warehouse service's API. The sample runs it in the same application, which then calls itself over HTTP as it
 * would call a second service.
 */
@RestController
@RequestMapping("/warehouse")
public class WarehouseController {

	private static final Logger log = LoggerFactory.getLogger(WarehouseController.class);

	@GetMapping("/stock/{sku}")
	public StockLevel stock(@PathVariable String sku) {
		log.atInfo().addKeyValue("sku", sku).log("Stock looked up");
		return new StockLevel(sku, Math.abs(sku.hashCode() % 50));
	}

	@PostMapping("/reservations/{sku}")
	@ResponseStatus(HttpStatus.CREATED)
	public void reserve(@PathVariable String sku) {
		log.atInfo().addKeyValue("sku", sku).log("Stock reserved");
	}

}
