package org.example.restaurant.orders.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a message needs from an order, in a short read-only transaction of its own,
 * so the messengers send it after the transaction ended and a slow receiver holds no
 * database connection.
 */
@Component
class OrderReader {

	private final OrderRepository orders;

	OrderReader(OrderRepository orders) {
		this.orders = orders;
	}

	/** The message made of the order, or empty if there is no such order. */
	@Transactional(readOnly = true)
	<T> Optional<T> read(UUID orderId, Function<Order, T> message) {
		return this.orders.findById(orderId).map(message);
	}

}
