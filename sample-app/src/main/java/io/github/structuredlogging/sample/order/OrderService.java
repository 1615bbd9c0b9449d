package io.github.structuredlogging.sample.order;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Places and finds orders; confirmations are sent in the background.
 */
@Service
public class OrderService {

	private static final Logger log = LoggerFactory.getLogger(OrderService.class);

	private final Map<String, Order> orders = new ConcurrentHashMap<>();

	private final OrderNotifier notifier;

	public OrderService(OrderNotifier notifier) {
		this.notifier = notifier;
	}

	public Order place(OrderRequest request) {
		log.atDebug().addKeyValue("item", request.item()).addKeyValue("quantity", request.quantity())
			.log("Validating order");
		if (request.quantity() <= 0) {
			throw new IllegalArgumentException("quantity must be positive, was " + request.quantity());
		}
		Order order = new Order(UUID.randomUUID().toString(), request.item(), request.quantity());
		this.orders.put(order.id(), order);
		log.atInfo().addKeyValue("order_id", order.id()).addKeyValue("item", order.item())
			.addKeyValue("quantity", order.quantity()).log("Order placed");
		this.notifier.sendConfirmation(order);
		return order;
	}

	public Optional<Order> find(String id) {
		Optional<Order> order = Optional.ofNullable(this.orders.get(id));
		if (order.isEmpty()) {
			log.atWarn().addKeyValue("order_id", id).log("Order not found");
		}
		return order;
	}

}
