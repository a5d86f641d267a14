package org.example.restaurant.orders.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;
import org.example.restaurant.orders.order.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Tells the kitchen about new orders (docs/internal-api.md; cancelling asks the kitchen
 * synchronously, see {@link KitchenCancellations}). Runs after the order's transaction
 * committed, from the outbox; a failed delivery throws so the publication stays
 * incomplete and is re-sent. The kitchen keys tickets by order id, so a repeated message
 * does no harm.
 */
@Component
class KitchenMessenger {

	private static final Logger log = LoggerFactory.getLogger(KitchenMessenger.class);

	private final RestClient kitchen;

	private final OrderRepository orders;

	private final TransactionOperations readOnly;

	KitchenMessenger(@LoadBalanced RestClient.Builder loadBalanced, OrderRepository orders,
			PlatformTransactionManager transactions) {
		this.kitchen = loadBalanced.clone().baseUrl("http://kitchen-service").build();
		this.orders = orders;
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.readOnly = readOnly;
	}

	@Async
	@TransactionalEventListener
	void on(OrderPlaced event) {
		// read in a short transaction of its own, and sent after it ended:
		// a slow receiver holds no database connection
		Optional<NewTicket> found = this.readOnly
			.execute((status) -> this.orders.findById(event.orderId()).map(NewTicket::of));
		if (found == null || found.isEmpty()) {
			log.error("Order {} vanished before its ticket was sent; nothing to send", event.orderId());
			return;
		}
		NewTicket ticket = found.get();
		Delivery.send("ticket for order " + event.orderId(),
				() -> this.kitchen.post().uri("/internal/tickets").body(ticket).retrieve().toBodilessEntity());
	}

	/**
	 * {@code POST /internal/tickets}.
	 */
	record NewTicket(UUID orderId, String table, Instant placedAt, List<Item> items) {

		static NewTicket of(Order order) {
			List<Item> items = order.getLines()
				.stream()
				.map((line) -> new Item(line.getName(), line.getQuantity(), line.getNote(), line.getPrepSeconds()))
				.toList();
			return new NewTicket(order.getId(), order.getTable(), order.getCreatedAt(), items);
		}

		record Item(String name, int quantity, String note, int prepSeconds) {

		}

	}

}
