package org.example.restaurant.orders.order;

import java.util.UUID;

/**
 * What an order tells the rest of the system. The messages for other services
 * ({@link OrderPlaced}, {@link OrderServed}) carry only the order id: the event
 * publication registry stores them as JSON in a bounded column, and the listener reads
 * the lines it needs from the order, which never change after placement.
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

	/**
	 * An order reached a status, {@code PLACED} included: each successful transition
	 * registers one, so an order passing through {@code PREPARING} on its way to
	 * {@code READY} registers both. No service is told (no outbox listener takes it); the
	 * business metrics count it ({@link OrderMetrics}).
	 *
	 * @param orderId the order
	 * @param status the status it reached
	 */
	public record OrderStatusChanged(UUID orderId, OrderStatus status) {

	}

}
