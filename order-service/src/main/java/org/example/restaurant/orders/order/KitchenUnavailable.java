package org.example.restaurant.orders.order;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.UnavailableException;

/**
 * The kitchen could not confirm a cancellation (no instance, unreachable, timeout, an
 * error): 503 with {@code Retry-After}. Nothing changed, so the waiter may simply try
 * again.
 */
public class KitchenUnavailable extends UnavailableException {

	public KitchenUnavailable(UUID orderId, Throwable cause) {
		super("The kitchen cannot confirm the cancellation of order " + orderId
				+ " now; the order is unchanged, try again in a moment", Map.of("orderId", orderId), cause);
	}

}
