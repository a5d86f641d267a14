package org.example.restaurant.orders.order;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No order has the given id.
 */
public class OrderNotFound extends NotFoundException {

	private final UUID orderId;

	public OrderNotFound(UUID orderId) {
		super("Order " + orderId + " does not exist");
		this.orderId = orderId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", this.orderId);
	}

}
