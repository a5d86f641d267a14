package org.example.restaurant.orders.order;

import org.example.restaurant.orders.order.OrderEvents.OrderStatusChanged;
import org.example.restaurant.platform.polling.ListVersions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the version of the orders list ({@link ListVersions#ORDERS}) in the transaction
 * of every change of an order. An order changes only by reaching a status (placing it
 * included), and each time it registers an {@link OrderStatusChanged}; a plain listener,
 * so that the outbox stores nothing for it.
 */
@Component
class OrderListChanges {

	/** The orders' name among the polled lists ({@code restaurant.polling.lists}). */
	static final String POLLED_LIST = "orders";

	private final ListVersions versions;

	OrderListChanges(ListVersions versions) {
		this.versions = versions;
	}

	@EventListener
	void on(OrderStatusChanged changed) {
		this.versions.changed(POLLED_LIST);
	}

}
