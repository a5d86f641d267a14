package org.example.restaurant.orders.order;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * The kitchen refused to cancel an order's ticket because a cook already started it
 * (409). The order stays as it is; the kitchen's news will move it to {@code PREPARING}.
 */
public class CookAlreadyStarted extends ConflictException {

	public CookAlreadyStarted(UUID orderId) {
		super("Order " + orderId + " cannot be cancelled: a cook already started it", Map.of("orderId", orderId));
	}

}
