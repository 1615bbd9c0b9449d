package io.github.structuredlogging.sample.order;

import java.util.concurrent.CompletableFuture;

import io.github.structuredlogging.binding.BoundLogger;
import io.github.structuredlogging.event.BusinessEventLogger;
import io.github.structuredlogging.performance.LogPerformance;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Sends order confirmations off the request thread; its log lines still carry the request's correlation id.
 */
@Component
public class OrderNotifier {

	private final BoundLogger log;

	private final BusinessEventLogger events;

	public OrderNotifier(BoundLogger log, BusinessEventLogger events) {
		this.log = log;
		this.events = events;
	}

	@Async
	@LogPerformance("orders.confirmation")
	public CompletableFuture<Void> sendConfirmation(Order order) {
		this.log.atInfo().addKeyValue("order_id", order.id()).log("Order confirmation sent");
		this.events.event("order_confirmation_sent").with("order_id", order.id()).log();
		return CompletableFuture.completedFuture(null);
	}

}
