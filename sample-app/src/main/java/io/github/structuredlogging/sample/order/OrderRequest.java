package io.github.structuredlogging.sample.order;

/**
 * Body of a request to place an order.
 *
 * @param item what to order
 * @param quantity how many
 */
public record OrderRequest(String item, int quantity) {
}
