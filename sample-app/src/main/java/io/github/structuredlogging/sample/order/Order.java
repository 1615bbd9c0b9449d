package io.github.structuredlogging.sample.order;

/**
 * An order as stored and returned by the API.
 *
 * @param id the order id
 * @param item what was ordered
 * @param quantity how many
 */
public record Order(String id, String item, int quantity) {
}
