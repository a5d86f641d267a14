package org.example.restaurant.orders.order;

import java.time.Instant;
import java.util.List;

import org.example.restaurant.orders.menu.MenuItems;

/**
 * Object mother for orders: a table's usual order, in any status, reached through the
 * legal transitions only.
 */
public final class Orders {

	private Orders() {
	}

	/**
	 * Two margheritas (one without basil) and an espresso at table T4.
	 * @return a placed order, 21.40 in all
	 */
	public static Order placed() {
		return Order.place("T4", List.of(OrderLine.of(MenuItems.margherita(), 2, "no basil"),
				OrderLine.of(MenuItems.espresso(), 1, null)), "101", Instant.now());
	}

	/**
	 * @param status the wanted status
	 * @return a {@link #placed()} order moved to that status
	 */
	public static Order inStatus(OrderStatus status) {
		Order order = placed();
		switch (status) {
			case PLACED -> {
			}
			case PREPARING -> order.startPreparing(Instant.now());
			case READY -> {
				order.startPreparing(Instant.now());
				order.markReady(Instant.now());
			}
			case SERVED -> {
				order.startPreparing(Instant.now());
				order.markReady(Instant.now());
				order.serve(Instant.now());
			}
			case PAID -> {
				order.startPreparing(Instant.now());
				order.markReady(Instant.now());
				order.serve(Instant.now());
				order.pay(Instant.now());
			}
			case CANCELLED -> order.cancel(Instant.now());
		}
		return order;
	}

}
