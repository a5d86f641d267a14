package org.example.restaurant.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kitchen of a running {@link Restaurant}, as its display shows it through the
 * gateway to a signed-in cook: the tickets, and which replica holds which.
 *
 * @param restaurant the restaurant
 * @param staff who looks at the display: the cook
 */
record Kitchen(Restaurant restaurant, Staff staff) implements Desk {

	/** Every ticket, oldest first. */
	List<Ticket> tickets() {
		return readList("/api/kitchen/tickets", Ticket.class);
	}

	/** Every ticket, whatever the answer (the kitchen may be down). */
	Restaurant.Response tryTickets() {
		return get("/api/kitchen/tickets");
	}

	/** A cook starts a ticket ({@code QUEUED -> PREPARING}), whatever the answer. */
	Restaurant.Response tryStart(String ticketId) {
		return post("/api/kitchen/tickets/" + ticketId + "/start", "");
	}

	/** A cook finishes a ticket ({@code PREPARING -> READY}), whatever the answer. */
	Restaurant.Response tryReady(String ticketId) {
		return post("/api/kitchen/tickets/" + ticketId + "/ready", "");
	}

	/** The tickets in one status. */
	List<Ticket> tickets(String status) {
		return readList("/api/kitchen/tickets?status=" + status, Ticket.class);
	}

	Ticket ticket(String ticketId) {
		return read("/api/kitchen/tickets/" + ticketId, Ticket.class);
	}

	/** The tickets of an order: one, once the kitchen has it. */
	List<Ticket> ticketsOf(String orderId) {
		return tickets().stream().filter((ticket) -> ticket.orderId().equals(orderId)).toList();
	}

	/** The one ticket of an order. */
	Ticket ticketOf(String orderId) {
		List<Ticket> tickets = ticketsOf(orderId);
		assertThat(tickets).as("tickets of order " + orderId).hasSize(1);
		return tickets.get(0);
	}

	/** Waits until the kitchen has the order's ticket, and returns it. */
	Ticket awaitTicketOf(String orderId) {
		await("the ticket of order " + orderId).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> !ticketsOf(orderId).isEmpty());
		return ticketOf(orderId);
	}

	/** Every ticket, by the order it belongs to. */
	Map<String, List<Ticket>> ticketsByOrder() {
		Map<String, List<Ticket>> byOrder = new HashMap<>();
		for (Ticket ticket : tickets()) {
			byOrder.computeIfAbsent(ticket.orderId(), (id) -> new ArrayList<>()).add(ticket);
		}
		return byOrder;
	}

	/**
	 * The replica holding the ticket started last: the one with the most cooking left
	 * ({@code null} while no replica cooks).
	 */
	String busiestReplica() {
		String busiest = null;
		Instant latestStart = Instant.MIN;
		for (Ticket ticket : tickets("PREPARING")) {
			if (ticket.preparedBy() != null && ticket.preparedBy().startsWith("kitchen-") && ticket.startedAt() != null
					&& ticket.startedAt().isAfter(latestStart)) {
				busiest = ticket.preparedBy();
				latestStart = ticket.startedAt();
			}
		}
		return busiest;
	}

	/** The ids of the tickets a replica is preparing. */
	List<String> ticketsHeldBy(String instanceId) {
		return tickets("PREPARING").stream()
			.filter((ticket) -> instanceId.equals(ticket.preparedBy()))
			.map(Ticket::id)
			.toList();
	}

	/** A ticket as the API shows it. */
	record Ticket(String id, String orderId, String table, String status, List<Item> items, String preparedBy,
			Instant placedAt, Instant receivedAt, Instant startedAt, Instant readyAt) {

		record Item(String name, int quantity, String note, int prepSeconds) {
		}

	}

}
