package org.example.restaurant.orders.order;

import java.util.UUID;

/**
 * What an order tells the rest of the system. Each event carries only the order id: the
 * event publication registry stores it as JSON in a bounded column, and the listener
 * reads the lines it needs from the order, which never change after placement.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	/**
	 * An order was placed; the kitchen needs a ticket.
	 *
	 * @param orderId the order
	 */
	public record OrderPlaced(UUID orderId) {

	}

	/**
	 * An order was served; the cashier opens its bill.
	 *
	 * @param orderId the order
	 */
	public record OrderServed(UUID orderId) {

	}

}
