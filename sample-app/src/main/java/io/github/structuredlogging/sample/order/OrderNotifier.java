package io.github.structuredlogging.sample.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Sends order confirmations off the request thread; its log lines still carry the request's correlation id.
 */
@Component
public class OrderNotifier {

	private static final Logger log = LoggerFactory.getLogger(OrderNotifier.class);

	@Async
	public void sendConfirmation(Order order) {
		log.atInfo().addKeyValue("order_id", order.id()).log("Order confirmation sent");
	}

}
