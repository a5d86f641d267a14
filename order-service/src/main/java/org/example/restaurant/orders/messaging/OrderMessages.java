package org.example.restaurant.orders.messaging;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderRepository;
import org.example.restaurant.platform.outbox.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what an order tells another service: reads the message from the order in a short
 * read-only transaction of its own, so that the messengers send it after the transaction
 * ended and a slow receiver holds no database connection, then delivers it by the
 * platform's one rule ({@link Delivery}), so that a failed delivery throws and the outbox
 * sends it again.
 */
@Component
class OrderMessages {

	private static final Logger log = LoggerFactory.getLogger(OrderMessages.class);

	private final OrderRepository orders;

	private final TransactionTemplate readOnly;

	OrderMessages(OrderRepository orders, PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Sends the message made of the order, or logs that the order is gone.
	 * @param orderId the order
	 * @param what what the message is, such as {@code ticket}
	 * @param message makes the message of the order
	 * @param call sends it
	 */
	<T> void send(UUID orderId, String what, Function<Order, T> message, Consumer<T> call) {
		T found = this.readOnly.execute((status) -> this.orders.findById(orderId).map(message).orElse(null));
		if (found == null) {
			log.error("Order {} vanished before its {} was sent; nothing to send", orderId, what);
			return;
		}
		Delivery.send(what + " for order " + orderId, () -> call.accept(found));
	}

}
