package io.github.structuredlogging.sample.order;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.structuredlogging.binding.BoundLogger;
import io.github.structuredlogging.binding.LogContext;
import io.github.structuredlogging.event.BusinessEventLogger;
import io.github.structuredlogging.performance.LogPerformance;

import org.springframework.stereotype.Service;

/**
 * Places and finds orders; confirmations are sent in the background.
 */
@Service
@LogContext(component = "orders")
public class OrderService {

	private final Map<String, Order> orders = new ConcurrentHashMap<>();

	private final OrderNotifier notifier;

	private final BusinessEventLogger events;

	private final BoundLogger log;

	public OrderService(OrderNotifier notifier, BusinessEventLogger events, BoundLogger log) {
		this.notifier = notifier;
		this.events = events;
		this.log = log;
	}

	@LogPerformance(slowThresholdMs = 200)
	public Order place(OrderRequest request) {
		log.atDebug().addKeyValue("item", request.item()).addKeyValue("quantity", request.quantity())
			.log("Validating order");
		if (request.quantity() <= 0) {
			throw new IllegalArgumentException("quantity must be positive, was " + request.quantity());
		}
		Order order = new Order(UUID.randomUUID().toString(), request.item(), request.quantity());
		this.orders.put(order.id(), order);
		BoundLogger orderLog = this.log.bind("order_id", order.id());
		orderLog.atInfo().addKeyValue("item", order.item()).addKeyValue("quantity", order.quantity())
			.log("Order placed");
		this.events.log(new OrderPlaced(order.id(), order.item(), order.quantity()));
		this.notifier.sendConfirmation(order);
		return order;
	}

	@LogPerformance
	public Optional<Order> find(String id) {
		Optional<Order> order = Optional.ofNullable(this.orders.get(id));
		if (order.isEmpty()) {
			this.log.atWarn().addKeyValue("order_id", id).log("Order not found");
		}
		return order;
	}

}
