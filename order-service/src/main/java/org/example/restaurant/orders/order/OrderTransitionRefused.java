package org.example.restaurant.orders.order;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * An order was asked to move to a status it cannot reach from where it is; nothing
 * changed. The subclasses name the fact.
 */
public abstract class OrderTransitionRefused extends ConflictException {

	private final UUID orderId;

	private final OrderStatus status;

	protected OrderTransitionRefused(UUID orderId, OrderStatus status, String message) {
		// not "status": that member of a problem is the HTTP status
		super(message, Map.of("orderId", orderId, "orderStatus", status));
		this.orderId = orderId;
		this.status = status;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	/**
	 * @return the status the order has (and keeps)
	 */
	public OrderStatus getStatus() {
		return this.status;
	}

	/**
	 * Only a {@code PLACED} order can start being prepared.
	 */
	public static class OrderNotPlaced extends OrderTransitionRefused {

		OrderNotPlaced(UUID orderId, OrderStatus status) {
			super(orderId, status, "Order " + orderId + " is " + status + ": only a PLACED order can start cooking");
		}

	}

	/**
	 * Only an order being prepared can become ready.
	 */
	public static class OrderNotPreparing extends OrderTransitionRefused {

		OrderNotPreparing(UUID orderId, OrderStatus status) {
			super(orderId, status, "Order " + orderId + " is " + status + ": only a PREPARING order can become ready");
		}

	}

	/**
	 * Only a ready order can be served.
	 */
	public static class OrderNotReady extends OrderTransitionRefused {

		OrderNotReady(UUID orderId, OrderStatus status) {
			super(orderId, status, "Order " + orderId + " is " + status + ": only a READY order can be served");
		}

	}

	/**
	 * Only a served order can be paid.
	 */
	public static class OrderNotServed extends OrderTransitionRefused {

		OrderNotServed(UUID orderId, OrderStatus status) {
			super(orderId, status, "Order " + orderId + " is " + status + ": only a SERVED order can be paid");
		}

	}

	/**
	 * Once a cook started (or the order is over) it can no longer be cancelled.
	 */
	public static class OrderNotCancellable extends OrderTransitionRefused {

		OrderNotCancellable(UUID orderId, OrderStatus status) {
			super(orderId, status,
					"Order " + orderId + " is " + status + ": only a PLACED order (no cook started) can be cancelled");
		}

	}

}
