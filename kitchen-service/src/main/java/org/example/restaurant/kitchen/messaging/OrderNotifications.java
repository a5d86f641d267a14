package org.example.restaurant.kitchen.messaging;

import org.example.restaurant.kitchen.ticket.TicketReady;
import org.example.restaurant.kitchen.ticket.TicketStarted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the kitchen's news to the order-service from the outbox: each listener runs after
 * the change committed, and a publication stays incomplete (to be re-sent by
 * {@link OutboxResubmission}) as long as its listener throws.
 */
@Component
class OrderNotifications {

	private final OrderServiceClient orders;

	OrderNotifications(OrderServiceClient orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	public void on(TicketStarted started) {
		this.orders.preparing(started.orderId(),
				new OrderServiceClient.TicketNews(started.ticketId(), started.preparedBy(), started.at()));
	}

	@ApplicationModuleListener
	public void on(TicketReady ready) {
		this.orders.ready(ready.orderId(),
				new OrderServiceClient.TicketNews(ready.ticketId(), ready.preparedBy(), ready.at()));
	}

}
