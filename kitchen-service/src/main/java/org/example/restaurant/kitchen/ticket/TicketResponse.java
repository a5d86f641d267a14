package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the API shows it (see docs/api.md, {@code Ticket}).
 */
record TicketResponse(UUID id, UUID orderId, String table, TicketStatus status, List<Item> items, String preparedBy,
		Instant placedAt, Instant receivedAt, Instant startedAt, Instant readyAt) {

	static TicketResponse of(Ticket ticket) {
		List<Item> items = ticket.getItems()
			.stream()
			.map((item) -> new Item(item.name(), item.quantity(), item.note(), item.prepSeconds()))
			.toList();
		return new TicketResponse(ticket.getId(), ticket.getOrderId(), ticket.getTable(), ticket.getStatus(), items,
				ticket.getPreparedBy(), ticket.getPlacedAt(), ticket.getReceivedAt(), ticket.getStartedAt(),
				ticket.getReadyAt());
	}

	record Item(String name, int quantity, String note, int prepSeconds) {
	}

}
