package org.example.restaurant.cashier.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * What the cashier tells the order-service (docs/internal-api.md).
 */
public interface OrderServiceClient {

	/**
	 * Tells the order-service that an order is paid: {@code POST
	 * /internal/orders/{orderId}/paid {"billId", "at"}}.
	 * @param orderId the order
	 * @param billId the bill that was paid
	 * @param at when the covering payment was taken
	 * @throws RuntimeException if the message must be sent again (the receiver could not
	 * be reached, failed, or answered 404 or 409)
	 */
	void orderPaid(UUID orderId, UUID billId, Instant at);

}
