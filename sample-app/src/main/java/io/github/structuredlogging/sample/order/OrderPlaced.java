package io.github.structuredlogging.sample.order;

/**
 * Business event: an order was accepted. Logged as {@code event_type=order_placed} with one field per component.
 *
 * @param orderId the order id
 * @param item what was ordered
 * @param quantity how many
 */
public record OrderPlaced(String orderId, String item, int quantity) {
}
