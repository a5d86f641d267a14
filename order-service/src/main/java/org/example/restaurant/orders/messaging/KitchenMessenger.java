package org.example.restaurant.orders.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;

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

	private final RestClient kitchen;

	private final OrderMessages orders;

	KitchenMessenger(@LoadBalanced RestClient.Builder loadBalanced, OrderMessages orders) {
		this.kitchen = loadBalanced.clone().baseUrl("http://kitchen-service").build();
		this.orders = orders;
	}

	@Async
	@TransactionalEventListener
	void on(OrderPlaced event) {
		this.orders.send(event.orderId(), "ticket", NewTicket::of,
				(ticket) -> this.kitchen.post().uri("/internal/tickets").body(ticket).retrieve().toBodilessEntity());
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
