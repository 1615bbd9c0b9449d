package io.github.structuredlogging.sample.warehouse;

/**
 * How many units of an item the warehouse holds.
 *
 * @param sku the item
 * @param available the units on hand
 */
public record StockLevel(String sku, int available) {

}
