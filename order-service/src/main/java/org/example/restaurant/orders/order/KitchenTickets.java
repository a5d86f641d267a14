package org.example.restaurant.orders.order;

import java.util.UUID;

/**
 * The kitchen, as far as cancelling is concerned: only it knows whether a cook already
 * started an order, so an order is cancelled only once the kitchen has cancelled its
 * ticket (docs/internal-api.md, {@code POST
 * /internal/tickets/by-order/{orderId}/cancel}).
 */
public interface KitchenTickets {

	/**
	 * Cancels the order's ticket, synchronously. Returns normally when the ticket is
	 * cancelled (also when it already was, or when the kitchen has not received it yet:
	 * it then never cooks it).
	 * @param orderId the order
	 * @throws CookAlreadyStarted if a cook started the ticket
	 * @throws KitchenUnavailable if the kitchen cannot be asked or cannot answer now
	 */
	void cancelTicket(UUID orderId);

}
