package org.example.restaurant.kitchen.messaging;

import org.example.restaurant.kitchen.ticket.TicketReady;
import org.example.restaurant.kitchen.ticket.TicketStarted;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the kitchen's news to the order-service from the outbox: each listener runs after
 * the change committed, and a publication stays incomplete (to be re-sent by
 * {@link Outbox}) as long as its listener throws. The listeners run outside any
 * transaction (unlike {@code @ApplicationModuleListener}, which opens one), so a slow
 * order-service holds no database connection that the cooks need to renew their leases.
 */
@Component
class OrderNotifications {

	private final OrderServiceClient orders;

	OrderNotifications(OrderServiceClient orders) {
		this.orders = orders;
	}

	@Async
	@TransactionalEventListener
	public void on(TicketStarted started) {
		this.orders.preparing(started.orderId(),
				new OrderServiceClient.TicketNews(started.ticketId(), started.preparedBy(), started.at()));
	}

	@Async
	@TransactionalEventListener
	public void on(TicketReady ready) {
		this.orders.ready(ready.orderId(),
				new OrderServiceClient.TicketNews(ready.ticketId(), ready.preparedBy(), ready.at()));
	}

}
