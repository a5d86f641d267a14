package org.example.restaurant.orders.order;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No order has the given id.
 */
public class OrderNotFound extends NotFoundException {

	public OrderNotFound(UUID orderId) {
		super("Order " + orderId + " does not exist", Map.of("orderId", orderId));
	}

}
