package org.example.restaurant.orders.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.platform.outbox.Delivery;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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

	private final OrderReader orders;

	KitchenMessenger(@LoadBalanced RestClient.Builder loadBalanced, OrderReader orders) {
		this.kitchen = loadBalanced.clone().baseUrl("http://kitchen-service").build();
		this.orders = orders;
	}

	@Async
	@TransactionalEventListener
	void on(OrderPlaced event) {
		Optional<NewTicket> found = this.orders.read(event.orderId(), NewTicket::of);
		if (found.isEmpty()) {
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
				.map((line) -> new Item(line.name(), line.quantity(), line.note(), line.prepSeconds()))
				.toList();
			return new NewTicket(order.getId(), order.getTable(), order.getCreatedAt(), items);
		}

		record Item(String name, int quantity, String note, int prepSeconds) {

		}

	}

}
