package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Object mother: tickets in every state, as a shift in the kitchen produces them.
 */
final class Tickets {

	static final String KITCHEN_1 = "kitchen-service:kitchen-1";

	static final Instant PLACED = Instant.parse("2026-11-25T19:00:00Z");

	static final Instant RECEIVED = Instant.parse("2026-11-25T19:00:01Z");

	static final Instant STARTED = Instant.parse("2026-11-25T19:00:03Z");

	static final Instant READY = Instant.parse("2026-11-25T19:00:15Z");

	private Tickets() {
	}

	static List<TicketItem> pizzaAndSalad() {
		return List.of(new TicketItem("Margherita", 2, "no basil", 240), new TicketItem("Green salad", 1, null, 120));
	}

	static Ticket queued() {
		return queued(UUID.randomUUID(), RECEIVED);
	}

	static Ticket queued(UUID orderId, Instant receivedAt) {
		return new Ticket(orderId, "T4", pizzaAndSalad(), PLACED, receivedAt);
	}

	static Ticket preparing() {
		Ticket ticket = queued();
		ticket.start(KITCHEN_1, STARTED);
		return ticket;
	}

	static Ticket ready() {
		Ticket ticket = preparing();
		ticket.markReady(READY);
		return ticket;
	}

	static Ticket cancelled() {
		Ticket ticket = queued();
		ticket.cancel();
		return ticket;
	}

	static NewTicketRequest request(UUID orderId) {
		return new NewTicketRequest(orderId, "T4", PLACED,
				List.of(new NewTicketRequest.Item("Margherita", 2, "no basil", 240),
						new NewTicketRequest.Item("Green salad", 1, null, 120)));
	}

}
