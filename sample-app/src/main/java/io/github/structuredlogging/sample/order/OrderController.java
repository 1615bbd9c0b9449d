package io.github.structuredlogging.sample.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the order service.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

	private static final Logger log = LoggerFactory.getLogger(OrderController.class);

	private final OrderService orders;

	public OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	public ResponseEntity<Order> place(@RequestBody OrderRequest request) {
		log.atInfo().addKeyValue("item", request.item()).log("Placing order");
		return ResponseEntity.status(HttpStatus.CREATED).body(this.orders.place(request));
	}

	@GetMapping("/{id}")
	public ResponseEntity<Order> find(@PathVariable String id) {
		return ResponseEntity.of(this.orders.find(id));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	public ResponseEntity<String> rejected(IllegalArgumentException ex) {
		log.warn("Order rejected", ex);
		return ResponseEntity.badRequest().body(ex.getMessage());
	}

}
